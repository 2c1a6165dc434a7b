package dev.coalmine.core.feed;

import java.util.List;

/**
 * What one {@link EventTimeline#merge} did to the timeline's records: {@code removed} were in it before and are
 * gone (evicted as the oldest, or replaced by a newer version of the same Event); {@code added} now end it, in
 * order. A view of the records can follow the timeline with these two small changes instead of a copy of all.
 */
public record TimelineChange(List<EventRecord> removed, List<EventRecord> added) {
    public TimelineChange {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }
}
