package dev.coalmine.core.feed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a {@link FeedBuffer}'s items to a consumer in batches on one thread of its own, on a pulse: the
 * consumer sees at most one batch per pulse per {@code maxBatch} items, however fast producers are.
 * After {@link #close()} returns, the consumer is not called again.
 */
public final class BatchPump<T> implements AutoCloseable {
    private final FeedBuffer<T> buffer;
    private final int maxBatch;
    private final Consumer<Batch<T>> consumer;
    private final ScheduledExecutorService pulse;
    private volatile Thread pumpThread;

    public BatchPump(String name, FeedBuffer<T> buffer, Duration interval, int maxBatch, Consumer<Batch<T>> consumer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.buffer = buffer;
        this.maxBatch = maxBatch;
        this.consumer = consumer;
        this.pulse = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            pumpThread = t;
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        pulse.scheduleWithFixedDelay(this::pumpOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pumpOnce() {
        try {
            Batch<T> batch = buffer.drain(maxBatch);
            if (!batch.isEmpty() && !pulse.isShutdown()) {
                consumer.accept(batch);
            }
        } catch (RuntimeException e) {
            // A failing consumer must not stop the pulse (a scheduled task that throws is never run again).
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    @Override
    public void close() {
        pulse.shutdownNow();
        if (Thread.currentThread() == pumpThread) {
            return;
        }
        try {
            pulse.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
