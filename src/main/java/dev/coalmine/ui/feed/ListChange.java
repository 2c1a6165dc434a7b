package dev.coalmine.ui.feed;

import java.util.List;

/**
 * What one batch does to a live list, worked out off the FX thread: {@code removed} (these objects, wherever they
 * are; usually the oldest, in order) go and {@code added} are appended; {@code dropped} items never reached the
 * list because the feed's buffer was full.
 */
record ListChange<T>(List<T> removed, List<T> added, long dropped) {
    int rows() {
        return removed.size() + added.size();
    }
}
