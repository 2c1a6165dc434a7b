package dev.coalmine.ui;

import dev.coalmine.cli.KubeTarget;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit, shows the console and blocks until its window closes. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    public static void open(KubeTarget target) {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Coalmine");
            stage.setScene(new Scene(new Label("Coalmine"), 800, 600));
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }
}
