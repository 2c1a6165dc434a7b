package dev.coalmine.ui.feed;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The newest {@code limit} items of a live list, kept up to date with small changes: a table shows thousands of
 * rows, not the 50,000 a feed keeps, so each merge and each repaint stays small; the operator raises the limit to
 * see older items. Use on the FX thread.
 */
final class NewestRows<T> {
    private final ObservableList<T> source;
    private final BulkList<T> rows = new BulkList<>();
    private final IntegerProperty limit;
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper();

    NewestRows(ObservableList<T> source, int limit) {
        this.source = source;
        this.limit = new SimpleIntegerProperty(limit);
        source.addListener((ListChangeListener<T>) c -> refresh());
        this.limit.addListener((o, was, now) -> refresh());
        refresh();
    }

    /** The rows to show: the newest {@link #limitProperty()} items of the source, oldest first. */
    ObservableList<T> rows() {
        return rows;
    }

    IntegerProperty limitProperty() {
        return limit;
    }

    /** How many older items of the source are not among the rows. */
    ReadOnlyIntegerProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    private void refresh() {
        int from = Math.max(0, source.size() - Math.max(0, limit.get()));
        List<T> target = source.subList(from, source.size());
        if (!slidForward(target)) {
            ListSync.sync(rows, target);
        }
        hidden.set(from);
    }

    /**
     * The usual change under a flood, done without hashing: the window moved forward, so the rows are some gone
     * items followed by the start of the target. Returns false when the change is something else.
     */
    private boolean slidForward(List<T> target) {
        if (rows.isEmpty() || target.isEmpty()) {
            return false;
        }
        T first = target.get(0);
        int gone = 0;
        while (gone < rows.size() && rows.get(gone) != first) {
            gone++;
        }
        int kept = rows.size() - gone;
        if (kept == 0 || kept > target.size()) {
            return false;
        }
        for (int i = 0; i < kept; i++) {
            if (rows.get(gone + i) != target.get(i)) {
                return false;
            }
        }
        // One change with the row count unchanged: the table gives its visible cells new items, not new cells.
        rows.slide(gone, target.subList(kept, target.size()));
        return true;
    }
}
