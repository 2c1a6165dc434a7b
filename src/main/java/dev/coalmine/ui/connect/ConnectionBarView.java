package dev.coalmine.ui.connect;

import dev.coalmine.ui.StyleClasses;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/** Cluster and namespace pickers, a status light and what the server said about itself. */
public final class ConnectionBarView extends HBox {
    private static final double CLUSTER_WIDTH = 240;
    private static final double CLUSTER_MAX_WIDTH = 340;
    private static final double NAMESPACE_WIDTH = 180;

    private final ConnectionViewModel model;
    private final Circle light = new Circle(6);
    private final Button reconnect = new Button("Reconnect");
    private final Label status = new Label();
    private final StackPane clusterSlot = new StackPane();
    private final StackPane namespaceSlot = new StackPane();

    public ConnectionBarView(ConnectionViewModel model) {
        this.model = model;
        getStyleClass().add("connection-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));

        light.setId("connection-light");
        light.getStyleClass().add("status-light");
        model.stateProperty().addListener((obs, old, state) -> showState(light, state));
        showState(light, model.stateProperty().get());

        reconnect.setId("reconnect");
        reconnect.setMinWidth(USE_PREF_SIZE);
        reconnect.setOnAction(e -> model.connect());
        reconnect.disableProperty().bind(model.stateProperty().map(s -> s == ConnectionState.CONNECTING));

        status.setId("connection-status");
        status.getStyleClass().add("connection-status");
        status.textProperty().bind(model.statusTextProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        clusterSlot.setMinWidth(CLUSTER_WIDTH);
        namespaceSlot.setPrefWidth(NAMESPACE_WIDTH);
        Region gap = new Region();
        gap.setMinWidth(4);
        getChildren().addAll(light, label("Cluster"), clusterSlot, label("Namespace"), namespaceSlot, reconnect, gap, status);
        status.styleProperty().bind(model.stateProperty()
                .map(s -> s == ConnectionState.FAILED ? "-fx-text-fill: -color-danger-fg;" : ""));
    }

    /**
     * Adds the cluster and namespace pickers into the places kept for them. The window calls this after its first
     * frame: each combo box brings a list view with its skin, behaviour and scroll bars (~250 classes and ~170
     * lambdas), which the first frame, still connecting, has no use for.
     */
    public void addPickers() {
        ComboBox<String> cluster = new ComboBox<>(model.choices());
        cluster.setId("cluster-choice");
        cluster.setPromptText("Context");
        cluster.setMinWidth(CLUSTER_WIDTH);
        cluster.setMaxWidth(CLUSTER_MAX_WIDTH); // long context names (cloud ARNs) show whole in the list and the tooltip
        cluster.valueProperty().bindBidirectional(model.choiceProperty());
        cluster.setOnAction(e -> {
            if (cluster.getValue() != null && model.stateProperty().get() != ConnectionState.CONNECTING) {
                model.connect();
            }
        });

        ComboBox<String> namespace = new ComboBox<>(model.namespaces());
        namespace.setId("namespace-choice");
        // Editable (a text field and its skin) only once there is a cluster to type a namespace for: disabled until
        // then anyway.
        namespace.editableProperty().bind(model.connectedProperty().map(c -> true).orElse(false));
        namespace.setPromptText("namespace");
        namespace.setPrefWidth(NAMESPACE_WIDTH);
        namespace.valueProperty().bindBidirectional(model.namespaceProperty());
        namespace.setOnAction(e -> model.showNamespace());
        namespace.disableProperty().bind(model.connectedProperty().map(c -> false).orElse(true));

        clusterSlot.getChildren().setAll(cluster);
        namespaceSlot.getChildren().setAll(namespace);
    }

    /**
     * Adds the bar's tooltips; the window calls this after its first frame, as Tooltip's class initialiser and
     * popup windows are not needed to draw it.
     */
    public void addTooltips() {
        Tooltip state = new Tooltip();
        state.textProperty().bind(model.stateProperty().map(s -> s.name().toLowerCase(Locale.ROOT)));
        Tooltip.install(light, state);
        reconnect.setTooltip(new Tooltip("Connect again to the chosen cluster (F5)"));
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusTextProperty());
        Tooltip chosen = new Tooltip();
        chosen.textProperty().bind(model.choiceProperty());
        clusterSlot.getChildren().forEach(node -> Tooltip.install(node, chosen));
    }

    /**
     * What the server said about itself. It starts in this bar, showing the connection's progress in the first frame;
     * the window then moves it to the status bar, where a long server URL has room.
     */
    public Label status() {
        return status;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(USE_PREF_SIZE);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static void showState(Circle light, ConnectionState state) {
        StyleClasses.choose(light, switch (state) {
            case CONNECTED -> "light-ok";
            case CONNECTING -> "light-busy";
            case FAILED -> "light-failed";
            case DISCONNECTED -> "light-off";
        }, List.of("light-ok", "light-busy", "light-failed", "light-off"));
    }
}
