package dev.coalmine.ui.engine;

import dev.coalmine.ui.UiThread;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A watch of one object for a view-model: opened on a background thread, its snapshots handed to the UI thread,
 * and nothing shown once closed (a watch that opens after the view closed is closed at once).
 */
public final class LiveObject<S> implements AutoCloseable {
    private final Function<Consumer<Optional<S>>, AutoCloseable> opener;
    private final Executor background;
    private final UiThread ui;
    private volatile boolean closed;
    private AutoCloseable watch;

    /** @param opener opens the watch (blocking), delivering snapshots on its own thread */
    public LiveObject(Function<Consumer<Optional<S>>, AutoCloseable> opener, Executor background, UiThread ui) {
        this.opener = opener;
        this.background = background;
        this.ui = ui;
    }

    /** Starts watching; {@code show} runs on the UI thread, {@code problem} there too when the watch cannot open. */
    public void open(Consumer<Optional<S>> show, Consumer<String> problem) {
        background.execute(() -> {
            try {
                AutoCloseable opened = opener.apply(s -> ui.execute(() -> {
                    if (!closed) {
                        show.accept(s);
                    }
                }));
                synchronized (this) {
                    if (!closed) {
                        watch = opened;
                        return;
                    }
                }
                opened.close();
            } catch (Exception e) {
                ui.execute(() -> problem.accept(e.getMessage()));
            }
        });
    }

    @Override
    public void close() {
        AutoCloseable closing;
        synchronized (this) {
            closed = true;
            closing = watch;
            watch = null;
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (Exception ignored) {
                // a watch whose connection already broke has nothing left to release
            }
        }
    }
}
