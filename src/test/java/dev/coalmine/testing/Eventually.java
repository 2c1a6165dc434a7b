package dev.coalmine.testing;

import java.time.Duration;

/**
 * Polls an assertion until it holds or the deadline passes; the last failure is rethrown. A runtime exception
 * while polling (a UI lookup racing the UI thread, a request during a restart) also counts as "not yet".
 */
public final class Eventually {
    private Eventually() {
    }

    public static void assertThat(Runnable assertion) {
        assertThat(Duration.ofSeconds(30), assertion);
    }

    public static void assertThat(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
