package dev.coalmine.ui;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.ui.connect.ConnectedCluster;
import dev.coalmine.ui.connect.ConnectionBarView;
import dev.coalmine.ui.connect.ConnectionViewModel;
import dev.coalmine.ui.demo.DemoPanel;
import dev.coalmine.ui.demo.DemoPanelViewModel;
import dev.coalmine.ui.workloads.WorkloadListView;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The console's main window: connection bar, workload list, content area, status bar.
 *
 * <p>The first frame shows the shell: the connection bar (its light, status and Reconnect working, showing the
 * connection's progress) and, where the workload list goes, why it is still empty. The workload table in its split
 * pane (first: the connection, started before the window, may already have its rows), the cluster and namespace
 * pickers, the content area, the status bar and the tooltips are added after that frame, one part per FX event, so
 * the window answers between them. Their classes, skins and CSS were most of the ~4,300
 * classes the console loaded before it first showed, against ~2,600 for a bare window (issue 8, startup).
 */
public final class MainWindow {
    private final Stage stage;
    private final Scene scene;
    private final BorderPane root = new BorderPane();
    private final VBox left = new VBox();
    private final StackPane right = new StackPane();
    private final ConnectionBarView bar;
    private final Button themeToggle;
    private final Button overview = new Button("Releases");
    private ContentArea content;
    private final ToggleButton presentation = new ToggleButton("Present");
    private final ToggleButton workloadList = new ToggleButton("List");
    private final SplitPane split = new SplitPane();
    private double listWidth = 0.4;
    private final ConnectionViewModel connection;
    private final WorkloadListViewModel workloads;
    private final ExecutorService background;
    private final UiThread ui = new FxUiThread();
    private boolean firstFrameSeen;

    public MainWindow(Stage stage, ConnectionViewModel connection, WorkloadListViewModel workloads, Theme theme,
            ExecutorService background) {
        this.stage = stage;
        this.connection = connection;
        this.workloads = workloads;
        this.background = background;
        root.setId("main-window");
        scene = new Scene(root, 1280, 800);
        // Before the first control exists: otherwise Control's class initialiser loads Modena's stylesheet first.
        theme.apply(scene);
        bar = new ConnectionBarView(connection);
        themeToggle = new Button("\u25D0");
        themeToggle.setId("theme-toggle");
        themeToggle.setMinWidth(Region.USE_PREF_SIZE);
        overview.setId("releases-overview-button");
        overview.setMinWidth(Region.USE_PREF_SIZE);
        // Not isNull(): that loads javafx.beans.binding.Bindings, whose verification loads ~90 classes the shell needs not.
        overview.disableProperty().bind(connection.connectedProperty().map(c -> false).orElse(true));
        overview.setOnAction(e -> {
            if (content != null) {
                content.showOverview(connection.shownNamespaceProperty().get());
            }
        });
        presentation.setId("presentation-toggle");
        presentation.setMinWidth(Region.USE_PREF_SIZE);
        presentation.selectedProperty().addListener((obs, was, on) -> PresentationMode.set(root, on));
        workloadList.setId("toggle-workloads");
        workloadList.setMinWidth(Region.USE_PREF_SIZE);
        workloadList.setSelected(true);
        workloadList.selectedProperty().addListener((obs, was, shown) -> showWorkloadList(shown));
        bar.getChildren().addAll(0, List.of(workloadList));
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        bar.getChildren().addAll(push, overview, presentation, themeToggle);
        root.setTop(bar);

        Label waiting = new Label();
        waiting.setId("workloads-waiting");
        waiting.textProperty().bind(workloads.placeholderProperty()); // no workloads before the list is there
        waiting.setWrapText(true);
        left.getChildren().setAll(waiting);
        left.setPadding(new Insets(10));
        root.setCenter(left); // the split pane's skin waits for the list, like the list itself

        themeToggle.setOnAction(e -> theme.toggle(scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), connection::connect);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> theme.toggle(scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> presentation.setSelected(!presentation.isSelected()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN),
                () -> workloadList.setSelected(!workloadList.isSelected()));
        stage.setTitle("Coalmine");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
    }

    /** Shows the shell; once its first frame is laid out, adds the rest, one part per FX event. */
    public void show() {
        scene.addPostLayoutPulseListener(this::afterFirstLayout);
        stage.show();
    }

    private void afterFirstLayout() {
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            StartupTrace.mark("first layout");
            // Later, not now: this pulse still has to draw the shell.
            Platform.runLater(() -> addInTurn(List.of(this::addWorkloadList, bar::addPickers, this::addContentArea,
                    this::addStatusBar, this::addTooltips)));
        }
    }

    private void addInTurn(List<Runnable> parts) {
        parts.get(0).run();
        StartupTrace.mark("part added");
        if (parts.size() > 1) {
            Platform.runLater(() -> addInTurn(parts.subList(1, parts.size())));
        }
    }

    private void addWorkloadList() {
        WorkloadListView list = new WorkloadListView(workloads);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(Insets.EMPTY);
        split.getItems().setAll(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(listWidth);
        root.setCenter(split);
        left.getChildren().setAll(list);
        showDemoPanel(list, connection.connectedProperty().get());
        connection.connectedProperty().addListener((obs, old, cluster) -> showDemoPanel(list, cluster));
    }

    /** Hides the workload list (and the demo panel under it) to give a release the whole width, or shows it again. */
    private void showWorkloadList(boolean shown) {
        if (split.getItems().isEmpty()) {
            return;
        }
        if (shown && !split.getItems().contains(left)) {
            split.getItems().add(0, left);
            split.setDividerPositions(listWidth);
        } else if (!shown && split.getItems().contains(left)) {
            listWidth = split.getDividerPositions()[0];
            split.getItems().remove(left);
        }
    }

    private void showDemoPanel(WorkloadListView list, ConnectedCluster cluster) {
        left.getChildren().setAll(list);
        if (cluster != null) {
            cluster.trainer().ifPresent(controls -> left.getChildren().add(new DemoPanel(
                    new DemoPanelViewModel(cluster.client(), controls, background, ui), workloads.selectedProperty())));
        }
    }

    private void addContentArea() {
        content = new ContentArea(workloads, connection.connectedProperty(), background, ui);
        right.getChildren().setAll(content);
    }

    private void addStatusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        var shown = connection.shownNamespaceProperty();
        var listed = workloads.listStateProperty();
        status.textProperty().bind(Bindings.createStringBinding(() -> shown.get() == null ? "No namespace shown"
                : "Namespace " + shown.get() + " \u00b7 " + listed.get(), shown, listed));
        status.getRightItems().add(bar.status());
        root.setBottom(status);
    }

    private void addTooltips() {
        themeToggle.setTooltip(new Tooltip("Light or dark theme (Ctrl+Shift+D)"));
        overview.setTooltip(new Tooltip("Every release in progress in the namespaces you may list"));
        presentation.setTooltip(new Tooltip("Presentation mode for projectors: larger text, bolder charts (Ctrl+Shift+P)"));
        workloadList.setTooltip(new Tooltip("Show or hide the workload list (Ctrl+B)"));
        bar.addTooltips();
    }

    public Stage stage() {
        return stage;
    }
}
