package dev.coalmine.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * What the FX thread was doing while it could not react: every half millisecond, if the FX thread has not run a
 * ping for longer than {@code lagMillis}, its stack is sampled; contiguous samples make one stall. Only with
 * {@code -Dbench.stalls}; a diagnostic for where a benchmark's longest waits go, not a measurement.
 */
final class StallSampler implements AutoCloseable {
    private static final int FRAMES = 14;
    private final long lagNanos;
    private final AtomicLong lastPing = new AtomicLong(System.nanoTime());
    private final List<Stall> stalls = new ArrayList<>();
    private final Thread sampler;
    private final Thread pinger;
    private volatile boolean running = true;

    /** One stall: when it started (ns), how long, and its samples' stacks. */
    private record Stall(long start, long[] end, List<String> stacks) {
    }

    static boolean enabled() {
        return Boolean.getBoolean("bench.stalls");
    }

    StallSampler(long lagMillis) throws InterruptedException {
        lagNanos = TimeUnit.MILLISECONDS.toNanos(lagMillis);
        Thread[] fx = new Thread[1];
        java.util.concurrent.CountDownLatch found = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            fx[0] = Thread.currentThread();
            found.countDown();
        });
        found.await();
        pinger = new Thread(() -> {
            while (running) {
                Platform.runLater(() -> lastPing.set(System.nanoTime()));
                sleepNanos(500_000);
            }
        }, "bench-stall-ping");
        sampler = new Thread(() -> sample(fx[0]), "bench-stall-sampler");
        pinger.setDaemon(true);
        sampler.setDaemon(true);
        pinger.start();
        sampler.start();
    }

    private void sample(Thread fx) {
        Stall current = null;
        while (running) {
            long now = System.nanoTime();
            if (now - lastPing.get() > lagNanos) {
                if (current == null) {
                    current = new Stall(lastPing.get(), new long[1], new ArrayList<>());
                    synchronized (stalls) {
                        stalls.add(current);
                    }
                }
                current.end()[0] = now;
                current.stacks().add(signature(fx.getStackTrace()));
            } else {
                current = null;
            }
            sleepNanos(500_000);
        }
    }

    private static String signature(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                if (frames.isEmpty()) {
                    frames.add(c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName());
                }
                continue;
            }
            frames.add(c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName());
            if (frames.size() == FRAMES) {
                break;
            }
        }
        return String.join(" < ", frames);
    }

    /** The stalls longer than {@code overMillis}, each with its most frequent stacks. */
    String report(double overMillis) {
        StringBuilder out = new StringBuilder();
        synchronized (stalls) {
            for (Stall s : stalls) {
                double ms = (s.end()[0] - s.start()) / 1e6;
                if (ms < overMillis) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "stall %.1f ms (%d samples)%n", ms, s.stacks().size()));
                Map<String, Long> counts = s.stacks().stream().collect(Collectors.groupingBy(x -> x, HashMap::new,
                        Collectors.counting()));
                counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                        .limit(6).forEach(e -> out.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
        pinger.join();
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
