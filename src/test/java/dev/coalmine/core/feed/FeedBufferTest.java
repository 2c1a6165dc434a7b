package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@FastTest
class FeedBufferTest {
    @Test
    void handsOutItemsOldestFirstInBatchesOfAtMostMax() {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(10);
        for (int i = 1; i <= 5; i++) {
            buffer.accept(i);
        }
        assertThat(buffer.drain(3)).isEqualTo(new Batch<>(List.of(1, 2, 3), 0));
        assertThat(buffer.drain(3)).isEqualTo(new Batch<>(List.of(4, 5), 0));
        assertThat(buffer.drain(3).isEmpty()).isTrue();
    }

    @Test
    void dropsTheOldestWhenFullAndCountsTheDropsOncePerDrain() {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(3);
        for (int i = 1; i <= 7; i++) {
            buffer.accept(i);
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.drain(100)).isEqualTo(new Batch<>(List.of(5, 6, 7), 4));
        buffer.accept(8);
        assertThat(buffer.drain(100)).isEqualTo(new Batch<>(List.of(8), 0));
        assertThat(buffer.droppedTotal()).isEqualTo(4);
    }

    @Test
    void aBatchOfOnlyDropsIsNotEmpty() {
        FeedBuffer<Integer> buffer = new FeedBuffer<>(1);
        buffer.accept(1);
        buffer.accept(2);
        buffer.drain(0);
        assertThat(new Batch<>(List.of(), 1).isEmpty()).isFalse();
    }

    @Test
    void rejectsNullsAndNonsenseCapacities() {
        assertThatThrownBy(() -> new FeedBuffer<>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedBuffer<String>(1).accept(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 100,000 items from four producers at once into a buffer of 10,000 that nobody drains meanwhile. */
    @Test
    void aBurstWithASlowConsumerKeepsTheNewestTenThousandAndCountsNinetyThousandDrops() throws Exception {
        FeedBuffer<long[]> buffer = new FeedBuffer<>(10_000);
        Thread[] producers = new Thread[4];
        for (int p = 0; p < producers.length; p++) {
            long producer = p;
            producers[p] = new Thread(() -> {
                for (long i = 0; i < 25_000; i++) {
                    buffer.accept(new long[] {producer, i});
                }
            });
            producers[p].start();
        }
        for (Thread t : producers) {
            t.join(60_000);
        }
        Batch<long[]> batch = buffer.drain(Integer.MAX_VALUE);
        assertThat(batch.items()).hasSize(10_000);
        assertThat(batch.dropped()).isEqualTo(90_000);
        long[] lastOf = {-1, -1, -1, -1};
        for (long[] item : batch.items()) {
            assertThat(item[1]).isGreaterThan(lastOf[(int) item[0]]);
            lastOf[(int) item[0]] = item[1];
        }
    }

    /** 100,000 items from four producers at once into a buffer of 10,000, drained concurrently. */
    @Test
    void aConcurrentBurstStaysBoundedKeepsEachProducersOrderAndCountsEveryDrop() throws Exception {
        int producers = 4;
        int perProducer = 25_000;
        int capacity = 10_000;
        FeedBuffer<long[]> buffer = new FeedBuffer<>(capacity);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            long producer = p;
            running.add(pool.submit(() -> {
                go.await();
                for (long i = 0; i < perProducer; i++) {
                    buffer.accept(new long[] {producer, i});
                }
                return null;
            }));
        }
        List<long[]> received = new ArrayList<>();
        long dropped = 0;
        int largestSeen = 0;
        go.countDown();
        while (!running.stream().allMatch(Future::isDone) || buffer.size() > 0) {
            largestSeen = Math.max(largestSeen, buffer.size());
            Batch<long[]> batch = buffer.drain(500);
            received.addAll(batch.items());
            dropped += batch.dropped();
        }
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        Batch<long[]> rest = buffer.drain(Integer.MAX_VALUE);
        received.addAll(rest.items());
        dropped += rest.dropped();
        pool.shutdown();

        assertThat(largestSeen).isLessThanOrEqualTo(capacity);
        assertThat(received.size() + dropped).isEqualTo((long) producers * perProducer);
        assertThat(dropped).isEqualTo(buffer.droppedTotal());
        long[] lastOf = {-1, -1, -1, -1};
        for (long[] item : received) {
            assertThat(item[1]).as("producer %d's order", item[0]).isGreaterThan(lastOf[(int) item[0]]);
            lastOf[(int) item[0]] = item[1];
        }
        // Only the oldest are dropped: the item added last of all is delivered last.
        assertThat(received.get(received.size() - 1)[1]).isEqualTo(perProducer - 1L);
    }
}
