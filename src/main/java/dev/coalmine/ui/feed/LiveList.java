package dev.coalmine.ui.feed;

import dev.coalmine.core.feed.BatchPump;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.EventTimeline;
import dev.coalmine.core.feed.FeedBuffer;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.TimelineChange;
import dev.coalmine.ui.UiThread;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ObservableList;

/**
 * A feed's items as a capped observable list. Producers write into a bounded buffer; a pump drains it on a
 * pulse and works out on its own thread what each batch changes (which items go, which are appended); the UI
 * thread only applies those changes, a few milliseconds at a time. A burst of thousands of items a second costs a
 * few small UI updates a second and never more than {@code capacity} items of memory.
 */
public final class LiveList<T> implements AutoCloseable {
    /** Four merges a second: each merge repaints the list, and at 10,000 items/s ten a second kept the FX thread busy. */
    private static final Duration PULSE = Duration.ofMillis(250);
    private static final int MAX_BATCH = 5_000;

    private final BulkList<T> items = new BulkList<>();
    private final LongProperty dropped = new SimpleLongProperty();
    private final FeedBuffer<T> buffer;
    private final BatchPump<T> pump;

    /** @param merge what a batch changes, called on the pump's thread only */
    private LiveList(String name, int capacity, UiThread ui, Function<List<T>, ListChange<T>> merge) {
        buffer = new FeedBuffer<>(capacity);
        PendingChanges<T> pending = new PendingChanges<>(items, ui, lost -> dropped.set(dropped.get() + lost),
                PendingChanges.BUDGET_NANOS, MAX_BATCH);
        pump = new BatchPump<>(name, buffer, PULSE, MAX_BATCH, batch -> {
            ListChange<T> change = merge.apply(batch.items());
            pending.offer(new ListChange<>(change.removed(), change.added(), batch.dropped()));
        });
    }

    /** New items are appended; past {@code capacity} the oldest go. */
    public static <T> LiveList<T> appending(String name, int capacity, UiThread ui) {
        ArrayDeque<T> kept = new ArrayDeque<>(); // the pump thread's copy of the list, to know what a batch evicts
        return new LiveList<>(name, capacity, ui, added -> {
            List<T> newest = added.subList(Math.max(0, added.size() - capacity), added.size());
            kept.addAll(newest);
            List<T> removed = new ArrayList<>(Math.max(0, kept.size() - capacity));
            while (kept.size() > capacity) {
                removed.add(kept.pollFirst());
            }
            return new ListChange<>(removed, newest, 0);
        });
    }

    /** One row per Event: a count bump replaces the row and moves it to the end. */
    public static LiveList<EventRecord> events(String name, int capacity, UiThread ui) {
        EventTimeline timeline = new EventTimeline(capacity);
        return new LiveList<>(name, capacity, ui, added -> {
            TimelineChange change = timeline.merge(added);
            return new ListChange<>(change.removed(), change.added(), 0);
        });
    }

    public FeedSink<T> sink() {
        return buffer;
    }

    /** The items; read and observe them on the UI thread. */
    public ObservableList<T> items() {
        return items;
    }

    /** Items dropped because the consumer fell behind or the cap was reached before they were shown. */
    public LongProperty droppedProperty() {
        return dropped;
    }

    @Override
    public void close() {
        pump.close();
    }
}
