package dev.coalmine.ui.feed;

import dev.coalmine.ui.UiThread;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.collections.ObservableList;

/**
 * Applies changes worked out on a feed's own thread to a shown list on the UI thread, in slices of at most
 * {@code slice} rows removed and {@code slice} appended, and for at most a few milliseconds per turn: a backlog or a
 * big batch continues after the next pulse instead of holding the FX thread (and the frame) until all of it is in.
 * Changes are applied whole and in order, so the list goes through the same states as with one merge per batch,
 * only in smaller steps. A slice takes what it removes and what it appends together: each step that reaches the
 * newest rows repaints the table, so a usual batch is one step (slicing it finer made three repaints of one batch).
 */
final class PendingChanges<T> {
    /** FX-thread time per turn before the rest waits for the next turn; a frame at 60 Hz has 16 ms for everything. */
    static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    private final Queue<ListChange<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ObservableList<T> items;
    private final UiThread ui;
    private final LongConsumer dropped;
    private final long budgetNanos;
    private final int slice;
    // The change being applied and how far; UI thread only.
    private ListChange<T> current;
    private int removedDone;
    private int addedDone;

    PendingChanges(ObservableList<T> items, UiThread ui, LongConsumer dropped, long budgetNanos, int slice) {
        this.items = items;
        this.slice = slice;
        this.ui = ui;
        this.dropped = dropped;
        this.budgetNanos = budgetNanos;
    }

    /** Queues a change; any thread, in the order the changes were made. */
    void offer(ListChange<T> change) {
        queue.add(change);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::applySome);
        }
    }

    private void applySome() {
        scheduled.set(false);
        long deadline = System.nanoTime() + budgetNanos;
        boolean more;
        do {
            more = applySlice();
        } while (more && System.nanoTime() - deadline < 0);
        if (more && scheduled.compareAndSet(false, true)) {
            ui.executeLater(this::applySome);
        }
    }

    /** Applies one slice; returns whether anything is left. */
    private boolean applySlice() {
        if (current == null) {
            current = queue.poll();
            if (current == null) {
                return false;
            }
            dropped.accept(current.dropped());
        }
        List<T> removed = current.removed();
        List<T> added = current.added();
        int removeTo = Math.min(removed.size(), removedDone + slice);
        ListSync.remove(items, removed.subList(removedDone, removeTo));
        removedDone = removeTo;
        int addTo = Math.min(added.size(), addedDone + slice);
        if (addTo > addedDone) {
            items.addAll(added.subList(addedDone, addTo));
        }
        addedDone = addTo;
        if (removedDone == removed.size() && addedDone == added.size()) {
            current = null;
            removedDone = 0;
            addedDone = 0;
        }
        return current != null || !queue.isEmpty();
    }
}
