package dev.coalmine.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Runs a task on the FX thread every period while started. Not a {@code Timeline}: while any animation runs, JavaFX
 * pulses 60 times a second (every scene checked for CSS and layout, each pulse waiting for the last frame to be
 * painted), for a task due a few times a second or less. Start and stop on the FX thread.
 */
public final class FxTicker {
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "coalmine-ui-ticker");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration period;
    private final Runnable task;
    private ScheduledFuture<?> ticking;

    public FxTicker(Duration period, Runnable task) {
        this.period = period;
        this.task = task;
    }

    /** Runs {@code task} every {@code period} while {@code node} is in a scene. */
    public static void whileInScene(Node node, Duration period, Runnable task) {
        FxTicker ticker = new FxTicker(period, task);
        node.sceneProperty().addListener((obs, old, scene) -> ticker.running(scene != null));
        ticker.running(node.getScene() != null);
    }

    /**
     * Runs {@code task} at once when {@code tab} comes into view (selected, in a scene) and every {@code period} while
     * it stays there. A tab not selected keeps its content in the scene, so {@link #whileInScene} would go on ticking
     * for a pane nobody sees.
     */
    public static void whileSelected(Tab tab, Duration period, Runnable task) {
        FxTicker ticker = new FxTicker(period, task);
        Node content = tab.getContent();
        InvalidationListener follow = o -> {
            boolean inView = tab.isSelected() && content.getScene() != null;
            if (inView && ticker.ticking == null) {
                task.run();
            }
            ticker.running(inView);
        };
        tab.selectedProperty().addListener(follow);
        content.sceneProperty().addListener(follow);
        follow.invalidated(null);
    }

    /** Starts (first run one period from now) or stops ticking; a no-op when it already is as asked. */
    public void running(boolean run) {
        if (run && ticking == null) {
            long millis = period.toMillis();
            ticking = CLOCK.scheduleAtFixedRate(() -> Platform.runLater(this::tick), millis, millis, TimeUnit.MILLISECONDS);
        } else if (!run && ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void tick() {
        if (ticking != null) { // a tick posted just before a stop is not run
            task.run();
        }
    }
}
