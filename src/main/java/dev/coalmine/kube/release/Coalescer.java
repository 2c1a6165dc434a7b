package dev.coalmine.kube.release;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code work} on its own thread after a change, once for any burst of changes signalled meanwhile: cache
 * listeners only signal, and the decoding happens here.
 */
final class Coalescer implements AutoCloseable {
    private final Runnable work;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean closed;

    Coalescer(String threadName, Runnable work) {
        this.work = work;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void signal() {
        if (!closed && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                if (!closed) {
                    work.run();
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
    }
}
