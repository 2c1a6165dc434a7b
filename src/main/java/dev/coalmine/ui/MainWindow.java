package dev.coalmine.ui;

import dev.coalmine.ui.connect.ConnectionBarView;
import dev.coalmine.ui.connect.ConnectionViewModel;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import dev.coalmine.ui.demo.DemoPanel;
import dev.coalmine.ui.demo.DemoPanelViewModel;
import dev.coalmine.ui.workloads.WorkloadListView;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/** The console's main window: connection bar, workload list, content area, status bar. */
public final class MainWindow {
    private final Stage stage;

    public MainWindow(Stage stage, ConnectionViewModel connection, WorkloadListViewModel workloads, Theme theme,
            java.util.concurrent.ExecutorService background) {
        this.stage = stage;
        BorderPane root = new BorderPane();
        root.setId("main-window");
        ConnectionBarView bar = new ConnectionBarView(connection);
        javafx.scene.control.Button themeToggle = new javafx.scene.control.Button("\u25D0");
        themeToggle.setId("theme-toggle");
        themeToggle.setTooltip(new javafx.scene.control.Tooltip("Light or dark theme (Ctrl+Shift+D)"));
        bar.getChildren().add(themeToggle);
        root.setTop(bar);

        WorkloadListView list = new WorkloadListView(workloads);
        javafx.scene.layout.VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.VBox left = new javafx.scene.layout.VBox(list);
        connection.connectedProperty().addListener((obs, old, cluster) -> {
            left.getChildren().setAll(list);
            if (cluster != null && KubeconfigClusterAccess.DEMO_CHOICE.equals(cluster.choice())) {
                left.getChildren().add(new DemoPanel(new DemoPanelViewModel(cluster.client(), background,
                        new FxUiThread()), workloads.selectedProperty()));
            }
        });
        SplitPane split = new SplitPane(left, new ContentArea(workloads, connection.connectedProperty(), background,
                new FxUiThread()));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        root.setCenter(split);

        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(connection.shownNamespaceProperty().map(ns -> "Namespace " + ns + " \u00b7 live")
                .orElse("No namespace shown"));
        root.setBottom(status);

        Scene scene = new Scene(root, 1280, 800);
        theme.apply(scene);
        themeToggle.setOnAction(e -> theme.toggle(scene));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), connection::connect);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> theme.toggle(scene));
        stage.setTitle("Coalmine");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
    }

    public Stage stage() {
        return stage;
    }
}
