package dev.coalmine.ui.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;

/**
 * Brings a shown list up to date with a few small changes instead of {@code setAll}: replacing 50,000 rows ten
 * times a second made every view on the list (filters, tables, selection) redo all rows on the FX thread.
 */
final class ListSync {
    /** Above this many separate removed ranges one replace is cheaper than many small changes. */
    private static final int MAX_RANGES = 32;

    private ListSync() {
    }

    /**
     * Removes {@code removed} (the same objects, wherever they are) from {@code items} and appends {@code added}.
     * The scan stops at the last removed item, so evicting the oldest costs in proportion to the evicted.
     */
    static <T> void apply(ObservableList<T> items, List<T> removed, List<T> added) {
        remove(items, removed);
        if (!added.isEmpty()) {
            items.addAll(added);
        }
    }

    /**
     * Removes {@code removed} (the same objects, wherever they are) from {@code items}. The usual case, the oldest
     * items in order, is one range removal found without hashing.
     */
    static <T> void remove(ObservableList<T> items, List<T> removed) {
        if (removed.isEmpty()) {
            return;
        }
        if (isPrefix(removed, items)) {
            items.remove(0, removed.size());
            return;
        }
        Set<T> gone = Collections.newSetFromMap(new IdentityHashMap<>(removed.size() * 2));
        gone.addAll(removed);
        removeAll(items, gone);
    }

    private static <T> boolean isPrefix(List<T> prefix, List<T> list) {
        if (prefix.size() > list.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (prefix.get(i) != list.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes {@code items} equal to {@code target}, a window of the same underlying list after it gained and lost
     * items: the items still in the window stay (same objects, same order), older ones that slid into it go in
     * front and new ones at the end. Anything else (a new filter, a new order) becomes one replace.
     */
    static <T> void sync(ObservableList<T> items, List<T> target) {
        Set<T> kept = Collections.newSetFromMap(new IdentityHashMap<>(target.size() * 2));
        kept.addAll(target);
        Set<T> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T item : items) {
            if (!kept.contains(item)) {
                gone.add(item);
            }
        }
        removeAll(items, gone);
        int first = items.isEmpty() ? target.size() : indexOf(target, items.get(0));
        int end = first + items.size();
        if (end > target.size() || !isPrefix(items, target.subList(first, end))) {
            items.setAll(target);
            return;
        }
        if (first > 0) {
            items.addAll(0, target.subList(0, first));
        }
        if (end < target.size()) {
            items.addAll(target.subList(end, target.size()));
        }
    }

    private static <T> int indexOf(List<T> list, T item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == item) {
                return i;
            }
        }
        return list.size();
    }


    private static <T> void removeAll(ObservableList<T> items, Set<T> gone) {
        List<int[]> ranges = new ArrayList<>();
        int left = gone.size();
        for (int i = 0; i < items.size() && left > 0; i++) {
            if (!gone.contains(items.get(i))) {
                continue;
            }
            int from = i;
            while (i < items.size() && gone.contains(items.get(i))) {
                i++;
            }
            ranges.add(new int[] {from, i});
            left -= i - from;
        }
        if (ranges.size() > MAX_RANGES) {
            List<T> rest = new ArrayList<>(items.size());
            for (T item : items) {
                if (!gone.contains(item)) {
                    rest.add(item);
                }
            }
            items.setAll(rest);
            return;
        }
        for (int r = ranges.size() - 1; r >= 0; r--) {
            items.remove(ranges.get(r)[0], ranges.get(r)[1]);
        }
    }
}
