package dev.coalmine.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Posts a task to the FX thread every millisecond and records how long the longest one waited to run: how long
 * the UI could not react (the FX thread busy, or waiting for the lock of a pulse).
 */
final class FxHeartbeat implements AutoCloseable {
    private final AtomicLong maxWaitNanos = new AtomicLong();
    /** Each heartbeat's post, as nanoseconds since this heartbeat started, and its wait: {posted, waited}. */
    private final java.util.Queue<long[]> timeline = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-fx-heartbeat");
        t.setDaemon(true);
        return t;
    });

    FxHeartbeat() {
        ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                maxWaitNanos.accumulateAndGet(waited, Math::max);
                timeline.add(new long[] {posted - started, waited});
            });
        }, 1, 1, TimeUnit.MILLISECONDS);
    }

    double maxStallMillis() {
        return maxWaitNanos.get() / 1e6;
    }

    /** The longest wait of a heartbeat posted at least {@code after} after this heartbeat started. */
    double maxStallMillisAfter(java.time.Duration after) {
        return timeline.stream().filter(t -> t[0] >= after.toNanos()).mapToLong(t -> t[1]).max().orElse(0) / 1e6;
    }

    /** The wait that 99 % of the heartbeats did not exceed. */
    double p99Millis() {
        long[] sorted = timeline.stream().mapToLong(t -> t[1]).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e6;
    }

    /** The longest wait and when its heartbeat was posted, since this heartbeat started: "43.4 ms at +416 ms". */
    String longestAt() {
        return timeline.stream().max(java.util.Comparator.comparingLong(t -> t[1]))
                .map(t -> String.format(java.util.Locale.ROOT, "%.1f ms at +%d ms", t[1] / 1e6, t[0] / 1_000_000))
                .orElse("none");
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
