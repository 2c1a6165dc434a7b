package dev.coalmine.bench;

import dev.coalmine.App;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The process {@link StartupBench} starts: {@code console} runs the real {@link App#main} (the console on the demo
 * cluster), {@code bare} shows a JavaFX window with one label. Both print {@value #SHOWN} once a window is showing
 * and a task posted to the FX thread has run (the window answers), then {@value #COMPLETE} once the window has all
 * its parts (the console adds its workload table and the rest after its first frame; a bare window is complete when
 * shown), then halt.
 */
public final class StartupProbe {
    static final String SHOWN = "STARTUP-PROBE-SHOWN";
    static final String COMPLETE = "STARTUP-PROBE-COMPLETE";

    private StartupProbe() {
    }

    public static void main(String[] args) {
        boolean console = args.length == 1 && args[0].equals("console");
        if (!console && !(args.length == 1 && args[0].equals("bare"))) {
            throw new IllegalArgumentException("usage: StartupProbe console|bare");
        }
        BooleanSupplier complete = console ? StartupProbe::workloadsShown : () -> true;
        Thread watcher = new Thread(() -> awaitResponsiveWindow(complete), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        if (console) {
            App.main(new String[0]);
        } else {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(new Label("Coalmine")), 1280, 800));
                stage.show();
            });
        }
    }

    private static void awaitResponsiveWindow(BooleanSupplier complete) {
        try {
            awaitOnFx(() -> Window.getWindows().stream().anyMatch(Window::isShowing));
            System.out.println(SHOWN);
            awaitOnFx(complete);
            System.out.println(COMPLETE);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (Exception e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(3);
        }
    }

    /** The console's workload table is in the window and shows the rows of the namespace's first LIST. */
    private static boolean workloadsShown() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#workload-table") instanceof TableView<?> table && !table.getItems().isEmpty());
    }

    /** Polls {@code condition} on the FX thread (so a true answer also means the thread answers) until it holds. */
    private static void awaitOnFx(BooleanSupplier condition) throws Exception {
        while (true) {
            CompletableFuture<Boolean> holds = new CompletableFuture<>();
            try {
                Platform.runLater(() -> holds.complete(condition.getAsBoolean()));
            } catch (IllegalStateException toolkitNotStartedYet) {
                Thread.sleep(2);
                continue;
            }
            if (holds.get(60, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(2);
        }
    }
}
