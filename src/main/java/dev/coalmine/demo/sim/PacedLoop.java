package dev.coalmine.demo.sim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a body again and again on one daemon thread. The pause after a run is at least {@code minPause} and at
 * least three times the run's own duration, so a big cluster slows the loop down instead of eating the CPU.
 */
public final class PacedLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PacedLoop.class);
    private static final int PAUSE_PER_BUSY_TIME = 3;

    private final Duration minPause;
    private final Runnable body;
    private final ScheduledExecutorService executor;

    public PacedLoop(String threadName, Duration minPause, Runnable body) {
        this.minPause = minPause;
        this.body = body;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(this::run, 0, TimeUnit.MILLISECONDS);
    }

    private void run() {
        long started = System.nanoTime();
        try {
            body.run();
        } catch (RuntimeException e) {
            // close() interrupts a run in progress: its requests fail then, and that is no news to anyone
            if (!executor.isShutdown()) {
                LOG.warn("{} failed: {}", Thread.currentThread().getName(), e.toString());
            }
        }
        Duration pause = Duration.ofNanos(System.nanoTime() - started).multipliedBy(PAUSE_PER_BUSY_TIME);
        if (pause.compareTo(minPause) < 0) {
            pause = minPause;
        }
        try {
            executor.schedule(this::run, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the loop was closed while this run was going on
        }
    }

    /** Stops the loop and waits (briefly) for a run in progress to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
