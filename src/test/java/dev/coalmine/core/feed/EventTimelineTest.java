package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
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
    void aMergeSaysWhichRecordsLeftAndWhichNowEndTheTimeline() {
        EventTimeline timeline = new EventTimeline(3);
        EventRecord a1 = record("a", "1", 1);
        EventRecord b2 = record("b", "2", 1);
        EventRecord c3 = record("c", "3", 1);
        timeline.merge(List.of(a1, b2, c3));
        EventRecord b4 = record("b", "4", 2);
        EventRecord d5 = record("d", "5", 1);
        EventRecord d6 = record("d", "6", 2);
        TimelineChange change = timeline.merge(List.of(b4, d5, d6));
        assertThat(change.removed()).as("b's earlier version and the evicted a; d5 was never shown")
                .containsExactlyInAnyOrder(b2, a1);
        assertThat(change.added()).containsExactly(b4, d6);
        assertThat(timeline.records()).containsExactly(c3, b4, d6);
        assertThat(timeline.merge(List.of(d6)).isEmpty()).isTrue();
    }

    @Test
    void aBatchLargerThanTheCapacityAddsOnlyItsNewest() {
        EventTimeline timeline = new EventTimeline(2);
        EventRecord a = record("a", "1", 1);
        timeline.merge(List.of(a));
        TimelineChange change = timeline.merge(List.of(record("b", "2", 1), record("c", "3", 1), record("d", "4", 1)));
        assertThat(change.removed()).containsExactly(a);
        assertThat(change.added()).extracting(EventRecord::uid).containsExactly("c", "d");
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
