package dev.coalmine.bench;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.ui.FxUiThread;
import dev.coalmine.ui.Theme;
import dev.coalmine.ui.feed.EventsPane;
import dev.coalmine.ui.feed.LiveList;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 10,000 Events a second for 10 s written into the sink the event feed writes to, for the console's Events list
 * ({@link LiveList#events}, 50,000 kept, as a rollout view keeps them) shown in its {@link EventsPane} on a shown
 * stage in the console's theme: the longest the FX thread could not react, against the same heartbeat on the idle FX
 * thread in the same run; and the heap the 50,000 retained Events take.
 */
class EventIngestBench {
    private static final int RATE_PER_SECOND = 10_000;
    private static final int SECONDS = 10;
    private static final int CAPACITY = 50_000; // what OpenRollout keeps of a release's Events
    private static final int REPETITIONS = 3;
    private static final double STALL_GOAL_MS = 16;
    private static final double HEAP_GOAL_MB = 64;
    /**
     * By then the table shows its first page (its rows made and styled in the first merge, the page's 5,000 rows
     * filled): printed apart, the longest wait after it is what the flood itself costs.
     */
    private static final java.time.Duration FIRST_PAGE = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(1);

    private long sequence;

    @Test
    void eventIngest() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        double[] ours = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        double heapMb = 0;
        double[] p99 = new double[REPETITIONS];
        double[] afterFirstSecond = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            ref[i] = idleStall();
            long before = usedHeapAfterGc();
            LiveList<EventRecord> events = LiveList.events("bench-events", CAPACITY, new FxUiThread());
            WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = new Scene(new EventsPane(events), 1200, 700);
                new Theme(false).apply(scene); // as the console styles its window
                stage.setScene(scene);
                stage.show();
            }).get();
            settle();
            try (FxHeartbeat heartbeat = new FxHeartbeat()) {
                produce(events.sink());
                awaitShown(events);
                ours[i] = heartbeat.maxStallMillis();
                p99[i] = heartbeat.p99Millis();
                afterFirstSecond[i] = heartbeat.maxStallMillisAfter(FIRST_PAGE);
            }
            heapMb = Math.max(heapMb, (usedHeapAfterGc() - before) / (1024.0 * 1024.0));
            int held = WaitForAsyncUtils.asyncFx(() -> events.items().size()).get(); // the list is the FX thread's
            if (held != CAPACITY) {
                throw new IllegalStateException("the list holds " + held + " Events");
            }
            events.close();
            WaitForAsyncUtils.asyncFx(() -> stage.setScene(new Scene(new javafx.scene.layout.Pane(), 100, 100))).get();
        }
        double stall = BenchReport.median(ours);
        double idle = BenchReport.median(ref);
        BenchReport.record("event-ingest", stall, idle, "ms",
                "stall<=16ms&&heap<=64MB", stall <= STALL_GOAL_MS && heapMb <= HEAP_GOAL_MB,
                String.format(Locale.ROOT, "heap=%.1fMB p99-stall=%.1fms after-first-second=%.1fms", heapMb,
                        BenchReport.median(p99), BenchReport.median(afterFirstSecond)),
                "the same 1 ms heartbeat for 5 s on the idle FX thread");
    }

    /** Writes RATE_PER_SECOND new Events a second for SECONDS, paced on the clock. */
    private void produce(FeedSink<EventRecord> sink) throws InterruptedException {
        long start = System.nanoTime();
        long total = (long) RATE_PER_SECOND * SECONDS;
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (System.nanoTime() - start) * RATE_PER_SECOND / 1_000_000_000L);
            for (; sent < due; sent++) {
                sink.accept(event(sequence++));
            }
            Thread.sleep(1);
        }
    }

    private static EventRecord event(long n) {
        Instant now = Instant.now();
        String pod = String.format(Locale.ROOT, "shop-frontend-canary-7d9f8c6b5-%05d", n % 100_000);
        boolean warning = n % 10 == 0;
        return new EventRecord(String.format(Locale.ROOT, "6f1c2a9e-0000-4000-8000-%012d", n), Long.toString(100_000 + n),
                warning ? "Warning" : "Normal", warning ? "BackOff" : "Pulled", new ObjectRef("Pod", pod), 1,
                warning ? "Back-off restarting failed container frontend in pod " + pod
                        : "Successfully pulled image \"registry.example.com/shop/frontend:1.4.0\" in 812ms",
                now, now, "kubelet, demo-node-" + (n % 3 + 1));
    }

    private static void awaitShown(LiveList<EventRecord> events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (WaitForAsyncUtils.asyncFx(() -> events.items().size()).get() < CAPACITY) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Events list did not fill up in 60 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Lets the shown pane have its first pulses (its skins made, its CSS applied, its first frame painted) before the
     * flood: opening a view is not what this measures; the Events' rows, made when the first Events arrive, are.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double idleStall() throws InterruptedException {
        try (FxHeartbeat heartbeat = new FxHeartbeat()) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS) / 2);
            return heartbeat.maxStallMillis();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
