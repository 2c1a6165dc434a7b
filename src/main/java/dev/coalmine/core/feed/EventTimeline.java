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
        return !merge(records).isEmpty();
    }

    /**
     * Adds or replaces each record (the same uid and resourceVersion again is skipped) and says which records
     * left the timeline and which now end it: work in proportion to the batch and the evictions, never to the
     * whole timeline.
     */
    public TimelineChange merge(List<EventRecord> records) {
        // Keyed by uid so that an Event updated twice in one batch is added once, at its last position.
        Map<String, EventRecord> added = new LinkedHashMap<>();
        List<EventRecord> removed = new ArrayList<>();
        for (EventRecord r : records) {
            EventRecord previous = byUid.get(r.uid());
            if (previous != null && previous.resourceVersion().equals(r.resourceVersion())) {
                continue;
            }
            if (previous != null) {
                byUid.remove(r.uid());
                if (added.remove(r.uid()) == null) {
                    removed.add(previous);
                }
            }
            byUid.put(r.uid(), r);
            added.put(r.uid(), r);
        }
        Iterator<EventRecord> oldest = byUid.values().iterator();
        while (byUid.size() > capacity) {
            EventRecord evicted = oldest.next();
            oldest.remove();
            if (added.get(evicted.uid()) == evicted) {
                added.remove(evicted.uid());
            } else {
                removed.add(evicted);
            }
        }
        return new TimelineChange(removed, new ArrayList<>(added.values()));
    }

    public List<EventRecord> records() {
        return new ArrayList<>(byUid.values());
    }

    public int size() {
        return byUid.size();
    }
}
