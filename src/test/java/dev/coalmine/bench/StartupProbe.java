package dev.coalmine.bench;

import dev.coalmine.App;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The process {@link StartupBench} starts: {@code console} runs the real {@link App#main} (the console on the demo
 * cluster), {@code bare} shows a JavaFX window with one label. Both print {@value #SHOWN} once a window is showing
 * and a task posted to the FX thread has run (the window answers), then halt.
 */
public final class StartupProbe {
    static final String SHOWN = "STARTUP-PROBE-SHOWN";

    private StartupProbe() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(StartupProbe::awaitResponsiveWindow, "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        if (args.length == 1 && args[0].equals("console")) {
            App.main(new String[0]);
        } else if (args.length == 1 && args[0].equals("bare")) {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(new Label("Coalmine")), 1280, 800));
                stage.show();
            });
        } else {
            throw new IllegalArgumentException("usage: StartupProbe console|bare");
        }
    }

    private static void awaitResponsiveWindow() {
        try {
            while (true) {
                CompletableFuture<Boolean> shown = new CompletableFuture<>();
                try {
                    Platform.runLater(() -> shown.complete(Window.getWindows().stream().anyMatch(Window::isShowing)));
                } catch (IllegalStateException toolkitNotStartedYet) {
                    Thread.sleep(2);
                    continue;
                }
                if (shown.get(60, TimeUnit.SECONDS)) {
                    System.out.println(SHOWN);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                }
                Thread.sleep(2);
            }
        } catch (Exception e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(3);
        }
    }
}
