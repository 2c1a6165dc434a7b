package dev.coalmine.core.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded queue between producers (watch threads) and one consumer. It keeps at most {@code capacity}
 * items: when full, the oldest item is dropped and counted, so producers never wait for the consumer and a
 * burst cannot grow memory. The lock is held only for O(1) work per item.
 */
public final class FeedBuffer<T> implements FeedSink<T> {
    private final int capacity;
    private final ArrayDeque<T> items;
    private long droppedSinceDrain;
    private long droppedTotal;

    public FeedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void accept(T item) {
        if (item == null) {
            throw new IllegalArgumentException("a feed item cannot be null");
        }
        synchronized (items) {
            if (items.size() == capacity) {
                items.pollFirst();
                droppedSinceDrain++;
                droppedTotal++;
            }
            items.addLast(item);
        }
    }

    /** Takes up to {@code max} of the oldest items, with the number dropped since the previous drain. */
    public Batch<T> drain(int max) {
        synchronized (items) {
            int n = Math.min(max, items.size());
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(items.pollFirst());
            }
            long dropped = droppedSinceDrain;
            droppedSinceDrain = 0;
            return new Batch<>(out, dropped);
        }
    }

    public int size() {
        synchronized (items) {
            return items.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** All items ever dropped because the buffer was full. */
    public long droppedTotal() {
        synchronized (items) {
            return droppedTotal;
        }
    }
}
