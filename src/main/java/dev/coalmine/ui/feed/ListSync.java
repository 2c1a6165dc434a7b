package dev.coalmine.ui.feed;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * Brings a shown list to a new content that keeps some of its items (same objects, same order) followed by new
 * ones, with a few small changes instead of {@code setAll}: replacing 50,000 rows ten times a second made every
 * view on the list (filters, tables, selection) redo all rows on the FX thread.
 */
final class ListSync {
    /** Above this many separate removed ranges one replace is cheaper than many small changes. */
    private static final int MAX_RANGES = 32;

    private ListSync() {
    }

    /**
     * Makes {@code items} equal to {@code target}, where {@code target} is {@code items} with some items removed
     * and new ones appended (what an {@link dev.coalmine.core.feed.EventTimeline} does to its records).
     */
    static <T> void sync(ObservableList<T> items, List<T> target) {
        List<int[]> removed = new ArrayList<>();
        int i = 0;
        int t = 0;
        while (i < items.size()) {
            if (t < target.size() && items.get(i) == target.get(t)) {
                i++;
                t++;
                continue;
            }
            int from = i;
            while (i < items.size() && (t >= target.size() || items.get(i) != target.get(t))) {
                i++;
            }
            removed.add(new int[] {from, i});
        }
        if (removed.size() > MAX_RANGES) {
            items.setAll(target);
            return;
        }
        for (int r = removed.size() - 1; r >= 0; r--) {
            items.remove(removed.get(r)[0], removed.get(r)[1]);
        }
        if (t < target.size()) {
            items.addAll(target.subList(t, target.size()));
        }
    }
}
