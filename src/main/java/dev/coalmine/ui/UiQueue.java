package dev.coalmine.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one boundary between background threads and the UI: producers only enqueue; the queued items are
 * handed to the UI thread in batches, with at most one pending hand-over at a time, so a burst of
 * thousands of items costs one UI update rather than thousands.
 */
public final class UiQueue<T> {
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final UiThread ui;
    private final Consumer<List<T>> applyBatch;

    public UiQueue(UiThread ui, Consumer<List<T>> applyBatch) {
        this.ui = ui;
        this.applyBatch = applyBatch;
    }

    public void offer(T item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            applyBatch.accept(batch);
        }
    }
}
