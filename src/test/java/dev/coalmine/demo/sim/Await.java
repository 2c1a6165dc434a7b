package dev.coalmine.demo.sim;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or a generous timeout passes (the machine is shared and slow). */
public final class Await {
    private Await() {
    }

    public static void until(String what, Supplier<Boolean> condition) {
        until(what, Duration.ofSeconds(60), condition);
    }

    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (AssertionError | RuntimeException e) {
                last = new AssertionError(e.getMessage(), e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw last != null ? last : new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
