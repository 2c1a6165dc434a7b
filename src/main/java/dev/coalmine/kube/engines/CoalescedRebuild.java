package dev.coalmine.kube.engines;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a rebuild on its own thread shortly after a change: informer callbacks only call {@link #changed()}, and a
 * burst of changes (a ReplicaSet scaling, its pods starting) costs one rebuild.
 */
public final class CoalescedRebuild implements AutoCloseable {
    private static final Duration SETTLE = Duration.ofMillis(50);
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable rebuild;
    private final ScheduledExecutorService thread;

    public CoalescedRebuild(String name, Runnable rebuild) {
        this.rebuild = rebuild;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void changed() {
        if (pending.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.schedule(() -> {
                pending.set(false);
                rebuild.run();
            }, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
