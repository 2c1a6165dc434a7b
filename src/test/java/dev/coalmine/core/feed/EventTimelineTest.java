package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimelineTest {
    @Test
    void anUpdatedEventReplacesItsEarlierVersionAndMovesToTheEnd() {
        EventTimeline timeline = new EventTimeline(10);
        timeline.apply(List.of(record("a", "1", 1), record("b", "2", 1)));
        assertThat(timeline.apply(List.of(record("a", "3", 2)))).isTrue();
        assertThat(timeline.records()).extracting(EventRecord::uid, EventRecord::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", 1), org.assertj.core.groups.Tuple.tuple("a", 2));
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        EventTimeline timeline = new EventTimeline(10);
        timeline.apply(List.of(record("a", "1", 1)));
        assertThat(timeline.apply(List.of(record("a", "1", 1)))).isFalse();
        assertThat(timeline.size()).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheNewestPastItsCapacity() {
        EventTimeline timeline = new EventTimeline(2);
        timeline.apply(List.of(record("a", "1", 1), record("b", "2", 1), record("c", "3", 1)));
        assertThat(timeline.records()).extracting(EventRecord::uid).containsExactly("b", "c");
    }

    @Test
    void seenVersionsRememberTheLastVersionPerUidWithinCapacity() {
        SeenVersions seen = new SeenVersions(2);
        assertThat(seen.isNew("a", "1")).isTrue();
        assertThat(seen.isNew("a", "1")).isFalse();
        assertThat(seen.isNew("a", "2")).isTrue();
        seen.isNew("b", "1");
        seen.isNew("c", "1");
        assertThat(seen.isNew("a", "2")).as("a was evicted as the least recently seen").isTrue();
    }

    private static EventRecord record(String uid, String version, int count) {
        return new EventRecord(uid, version, "Normal", "Scheduled", new ObjectRef("Pod", "web-canary-7d9f8c6b5-abc12"),
                count, "msg", null, null, "kubelet");
    }
}
