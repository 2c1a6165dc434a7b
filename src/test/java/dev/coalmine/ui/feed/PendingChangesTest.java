package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.EventTimeline;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.core.feed.TimelineChange;
import dev.coalmine.ui.UiThread;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import org.junit.jupiter.api.Test;

@FastTest
class PendingChangesTest {
    private static final int SLICE = 1_000;
    /** A UI thread whose turns the test runs one at a time. */
    private static final class Turns implements UiThread {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        boolean runOne() {
            Runnable next = queued.poll();
            if (next != null) {
                next.run();
            }
            return next != null;
        }
    }

    private static EventRecord event(int uid, int version) {
        return new EventRecord("uid-" + uid, Integer.toString(version), "Normal", "Pulled", new ObjectRef("Pod", "p"),
                version, "m", null, null, "kubelet");
    }

    @Test
    void aBigBatchIsAppliedASliceAPerTurnAndEndsWithEveryEventOnceInTimelineOrder() {
        Random random = new Random(5);
        EventTimeline timeline = new EventTimeline(4_000);
        BulkList<EventRecord> items = new BulkList<>();
        Turns ui = new Turns();
        long[] dropped = new long[1];
        PendingChanges<EventRecord> pending = new PendingChanges<>(items, ui, n -> dropped[0] += n, 0, SLICE);
        int turns = 0;
        int slices = 0;
        int version = 0;
        for (int round = 0; round < 12; round++) {
            List<EventRecord> batch = new ArrayList<>();
            for (int k = 500 + random.nextInt(2_500); k > 0; k--) {
                // Mostly new Events, some updates of recent ones: evictions from the front and removals inside.
                int uid = random.nextInt(5) == 0 ? Math.max(0, version - random.nextInt(3_000)) : version;
                batch.add(event(uid, ++version));
            }
            TimelineChange change = timeline.merge(batch);
            pending.offer(new ListChange<>(change.removed(), change.added(), 3));
            slices += Math.max(1, Math.max(slices(change.removed().size()), slices(change.added().size())));
            // Let the UI thread take a turn now and then, as the pump and the pulses interleave.
            if (random.nextBoolean() && ui.runOne()) {
                turns++;
            }
        }
        while (ui.runOne()) {
            turns++;
        }

        assertThat(items).containsExactlyElementsOf(timeline.records());
        assertThat(items.stream().map(EventRecord::uid).distinct().count()).isEqualTo(items.size());
        assertThat(dropped[0]).isEqualTo(12 * 3);
        // With no time to spare, each turn applies one slice and leaves the rest for the next.
        assertThat(turns).isEqualTo(slices).isGreaterThan(12);
    }

    private static int slices(int rows) {
        return (rows + SLICE - 1) / SLICE;
    }

    @Test
    void withTimeToSpareOneTurnAppliesEverythingQueued() {
        BulkList<String> items = new BulkList<>();
        Turns ui = new Turns();
        PendingChanges<String> pending = new PendingChanges<>(items, ui, n -> { }, Long.MAX_VALUE / 4, SLICE);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            first.add("line " + i);
        }
        pending.offer(new ListChange<>(List.of(), first, 0));
        pending.offer(new ListChange<>(first.subList(0, 1_500), List.of("last"), 0));

        assertThat(ui.runOne()).isTrue();
        assertThat(ui.runOne()).isFalse();
        assertThat(items).hasSize(1_001).startsWith("line 1500").endsWith("last");
    }
}
