package dev.coalmine.ui;

import java.util.concurrent.Executor;

/**
 * How results reach the JavaFX thread. The console uses {@link FxUiThread}; view-model tests pass
 * {@code Runnable::run} so everything happens synchronously on the test thread.
 */
@FunctionalInterface
public interface UiThread extends Executor {
    /** Runs the task on the UI thread soon; several calls in a burst may be coalesced by the caller. */
    @Override
    void execute(Runnable task);

    /**
     * Runs the task on the UI thread after what is queued there already (the next pulse included), even when called
     * on it: how long work yields to the screen between its slices.
     */
    default void executeLater(Runnable task) {
        execute(task);
    }
}
