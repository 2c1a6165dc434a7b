package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@FastTest
class BatchPumpTest {
    @Test
    void deliversEverythingInBatchesNoLargerThanMax() {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(1_000);
        List<Batch<Integer>> batches = new CopyOnWriteArrayList<>();
        try (BatchPump<Integer> pump = new BatchPump<>("test-pump", buffer, Duration.ofMillis(10), 7, batches::add)) {
            for (int i = 0; i < 100; i++) {
                buffer.accept(i);
            }
            Eventually.assertThat(() -> assertThat(batches.stream().mapToInt(b -> b.items().size()).sum()).isEqualTo(100));
        }
        assertThat(batches).allSatisfy(b -> assertThat(b.items()).hasSizeLessThanOrEqualTo(7));
        assertThat(batches.stream().flatMap(b -> b.items().stream())).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void aFailingConsumerDoesNotStopThePulse() {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(10);
        AtomicInteger calls = new AtomicInteger();
        try (BatchPump<Integer> pump = new BatchPump<>("test-pump", buffer, Duration.ofMillis(5), 1, b -> {
            calls.incrementAndGet();
            throw new IllegalStateException("consumer bug (expected in this test)");
        })) {
            buffer.accept(1);
            buffer.accept(2);
            Eventually.assertThat(() -> assertThat(calls.get()).isEqualTo(2));
        }
    }

    @Test
    void nothingIsDeliveredAfterClose() throws InterruptedException {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(10);
        AtomicInteger delivered = new AtomicInteger();
        BatchPump<Integer> pump = new BatchPump<>("test-pump", buffer, Duration.ofMillis(5), 10,
                b -> delivered.addAndGet(b.items().size()));
        buffer.accept(1);
        Eventually.assertThat(() -> assertThat(delivered.get()).isEqualTo(1));
        pump.close();
        buffer.accept(2);
        Thread.sleep(100);
        assertThat(delivered.get()).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-pump") && t.isAlive());
    }
}
