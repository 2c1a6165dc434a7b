package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.EventTimeline;
import dev.coalmine.core.feed.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

@FastTest
class ListSyncTest {
    private static EventRecord event(int uid, int version) {
        return new EventRecord("uid-" + uid, Integer.toString(version), "Normal", "Pulled", new ObjectRef("Pod", "p"),
                version, "m", null, null, "kubelet");
    }

    @Test
    void followsTheTimelineThroughNewUpdatedAndEvictedEvents() {
        Random random = new Random(7);
        EventTimeline timeline = new EventTimeline(50);
        ObservableList<EventRecord> items = FXCollections.observableArrayList();
        int version = 0;
        for (int round = 0; round < 300; round++) {
            List<EventRecord> batch = new ArrayList<>();
            for (int k = random.nextInt(12); k > 0; k--) {
                batch.add(event(random.nextInt(80), ++version));
            }
            if (timeline.apply(batch)) {
                ListSync.sync(items, timeline.records());
            }
            assertThat(items).containsExactlyElementsOf(timeline.records());
        }
    }

    @Test
    void followsTheTimelineByItsChangesAlone() {
        Random random = new Random(11);
        EventTimeline timeline = new EventTimeline(50);
        ObservableList<EventRecord> items = FXCollections.observableArrayList();
        int version = 0;
        for (int round = 0; round < 300; round++) {
            List<EventRecord> batch = new ArrayList<>();
            for (int k = random.nextInt(70); k > 0; k--) {
                batch.add(event(random.nextInt(120), random.nextInt(4) == 0 ? version : ++version));
            }
            var change = timeline.merge(batch);
            ListSync.apply(items, change.removed(), change.added());
            assertThat(items).containsExactlyElementsOf(timeline.records());
        }
    }

    @Test
    void aWindowOfTheNewestGetsOlderItemsInFrontWhenItemsInsideItGo() {
        List<EventRecord> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(event(i, 1));
        }
        ObservableList<EventRecord> window = FXCollections.observableArrayList(all.subList(5, 10));
        all.remove(7);
        all.add(event(20, 1));
        all.add(event(21, 1));
        ListSync.sync(window, all.subList(all.size() - 5, all.size()));
        assertThat(window).containsExactlyElementsOf(all.subList(all.size() - 5, all.size()));
        ListSync.sync(window, all.subList(0, 3));
        assertThat(window).as("an unrelated target replaces all").containsExactlyElementsOf(all.subList(0, 3));
    }

    @Test
    void appendingAndEvictingAreTwoSmallChangesNotAReplace() {
        EventRecord a = event(1, 1);
        EventRecord b = event(2, 1);
        EventRecord c = event(3, 1);
        ObservableList<EventRecord> items = FXCollections.observableArrayList(a, b);
        List<String> changes = new ArrayList<>();
        items.addListener((ListChangeListener<EventRecord>) change -> {
            while (change.next()) {
                changes.add((change.wasAdded() ? "+" + change.getAddedSize() : "")
                        + (change.wasRemoved() ? "-" + change.getRemovedSize() : ""));
            }
        });
        ListSync.sync(items, List.of(b, c));
        assertThat(items).containsExactly(b, c);
        assertThat(changes).containsExactly("-1", "+1");
    }
}
