package dev.coalmine.ui;

import javafx.application.Platform;

/** The JavaFX application thread. */
public final class FxUiThread implements UiThread {
    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    @Override
    public void executeLater(Runnable task) {
        Platform.runLater(task);
    }
}
