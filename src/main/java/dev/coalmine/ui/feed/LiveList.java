package dev.coalmine.ui.feed;

import dev.coalmine.core.feed.Batch;
import dev.coalmine.core.feed.BatchPump;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.EventTimeline;
import dev.coalmine.core.feed.FeedBuffer;
import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.TimelineChange;
import dev.coalmine.ui.UiQueue;
import dev.coalmine.ui.UiThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A feed's items as a capped observable list. Producers write into a bounded buffer; a pump drains it on a
 * pulse and the UI thread merges whole batches, so a burst of thousands of lines a second costs a few UI
 * updates a second and never more than {@code capacity} items of memory.
 */
public final class LiveList<T> implements AutoCloseable {
    /** Four merges a second: each merge repaints the list, and at 10,000 items/s ten a second kept the FX thread busy. */
    private static final Duration PULSE = Duration.ofMillis(250);
    private static final int MAX_BATCH = 5_000;

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final LongProperty dropped = new SimpleLongProperty();
    private final FeedBuffer<T> buffer;
    private final BatchPump<T> pump;

    private LiveList(String name, int capacity, UiThread ui, BiConsumer<ObservableList<T>, List<T>> merge) {
        buffer = new FeedBuffer<>(capacity);
        UiQueue<Batch<T>> queue = new UiQueue<>(ui, batches -> {
            List<T> all = new ArrayList<>();
            long lost = 0;
            for (Batch<T> batch : batches) {
                all.addAll(batch.items());
                lost += batch.dropped();
            }
            merge.accept(items, all);
            dropped.set(dropped.get() + lost);
        });
        pump = new BatchPump<>(name, buffer, PULSE, MAX_BATCH, queue::offer);
    }

    /** New items are appended; past {@code capacity} the oldest go. */
    public static <T> LiveList<T> appending(String name, int capacity, UiThread ui) {
        return new LiveList<>(name, capacity, ui, (items, added) -> {
            items.addAll(added);
            if (items.size() > capacity) {
                items.remove(0, items.size() - capacity);
            }
        });
    }

    /** One row per Event: a count bump replaces the row and moves it to the end. */
    public static LiveList<EventRecord> events(String name, int capacity, UiThread ui) {
        EventTimeline timeline = new EventTimeline(capacity);
        return new LiveList<>(name, capacity, ui, (items, added) -> {
            TimelineChange change = timeline.merge(added);
            ListSync.apply(items, change.removed(), change.added());
        });
    }

    public FeedSink<T> sink() {
        return buffer;
    }

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
