package dev.coalmine.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** slf4j-simple writes to the System.err of the moment, so these tests read what the loop logs. */
class PacedLoopTest {

    @Test
    void aRunThatFailsIsLoggedAndTheLoopGoesOn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(2);
        String logged = stderrOf(() -> {
            try (PacedLoop ignored = new PacedLoop("paced-test", Duration.ofMillis(1), () -> {
                secondRun.countDown();
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the API server said 500");
                }
            })) {
                assertThat(secondRun.await(10, TimeUnit.SECONDS)).as("ran again after the failure").isTrue();
            }
        });
        assertThat(logged).contains("WARN", "paced-test failed", "the API server said 500");
    }

    @Test
    void closingDuringARunLogsNothing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        String logged = stderrOf(() -> {
            PacedLoop loop = new PacedLoop("paced-test", Duration.ofMillis(1), () -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // what a fabric8 request does when its thread is interrupted
                    throw new IllegalStateException("Operation: [list] failed", e);
                }
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            loop.close();
        });
        assertThat(logged).isEmpty();
    }

    private interface Body {
        void run() throws Exception;
    }

    private static String stderrOf(Body body) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
