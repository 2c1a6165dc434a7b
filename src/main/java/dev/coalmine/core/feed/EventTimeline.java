package dev.coalmine.core.feed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumer side of an event feed: at most {@code capacity} Events, one entry per Event uid, in the
 * order of their latest change (an updated Event moves to the end, like a new line of
 * {@code kubectl get events --watch-only}). Not thread-safe: use it on the consumer's thread.
 */
public final class EventTimeline {
    private final int capacity;
    private final Map<String, EventRecord> byUid = new LinkedHashMap<>();

    public EventTimeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds or replaces each record; returns false when nothing changed (the same uid and resourceVersion). */
    public boolean apply(List<EventRecord> records) {
        boolean changed = false;
        for (EventRecord r : records) {
            EventRecord previous = byUid.get(r.uid());
            if (previous != null && previous.resourceVersion().equals(r.resourceVersion())) {
                continue;
            }
            byUid.remove(r.uid());
            byUid.put(r.uid(), r);
            changed = true;
        }
        Iterator<String> oldest = byUid.keySet().iterator();
        while (byUid.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
        return changed;
    }

    public List<EventRecord> records() {
        return new ArrayList<>(byUid.values());
    }

    public int size() {
        return byUid.size();
    }
}
