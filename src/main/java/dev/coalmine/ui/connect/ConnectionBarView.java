package dev.coalmine.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** Cluster and namespace pickers, a status light and what the server said about itself. */
public final class ConnectionBarView extends HBox {
    public ConnectionBarView(ConnectionViewModel model) {
        getStyleClass().add("connection-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));

        Circle light = new Circle(6);
        light.setId("connection-light");
        light.getStyleClass().add("status-light");
        model.stateProperty().addListener((obs, old, state) -> showState(light, state));
        showState(light, model.stateProperty().get());

        ComboBox<String> cluster = new ComboBox<>(model.choices());
        cluster.setId("cluster-choice");
        cluster.setPromptText("Context");
        cluster.setPrefWidth(220);
        cluster.valueProperty().bindBidirectional(model.choiceProperty());
        cluster.setOnAction(e -> {
            if (cluster.getValue() != null && model.stateProperty().get() != ConnectionState.CONNECTING) {
                model.connect();
            }
        });

        ComboBox<String> namespace = new ComboBox<>(model.namespaces());
        namespace.setId("namespace-choice");
        namespace.setEditable(true);
        namespace.setPromptText("namespace");
        namespace.setPrefWidth(180);
        namespace.valueProperty().bindBidirectional(model.namespaceProperty());
        namespace.setOnAction(e -> model.showNamespace());
        namespace.disableProperty().bind(model.connectedProperty().isNull());

        Button reconnect = new Button("Reconnect");
        reconnect.setId("reconnect");
        reconnect.setTooltip(new Tooltip("Connect again to the chosen cluster (F5)"));
        reconnect.setOnAction(e -> model.connect());
        reconnect.disableProperty().bind(model.stateProperty().isEqualTo(ConnectionState.CONNECTING));

        Label status = new Label();
        status.setId("connection-status");
        status.getStyleClass().add("connection-status");
        status.textProperty().bind(model.statusTextProperty());
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusTextProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        Region gap = new Region();
        gap.setMinWidth(4);
        getChildren().addAll(light, label("Cluster"), cluster, label("Namespace"), namespace, reconnect, gap, status);
        status.styleProperty().bind(Bindings.when(model.stateProperty().isEqualTo(ConnectionState.FAILED))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static void showState(Circle light, ConnectionState state) {
        light.getStyleClass().removeAll("light-ok", "light-busy", "light-failed", "light-off");
        light.getStyleClass().add(switch (state) {
            case CONNECTED -> "light-ok";
            case CONNECTING -> "light-busy";
            case FAILED -> "light-failed";
            case DISCONNECTED -> "light-off";
        });
        Tooltip.install(light, new Tooltip(state.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
