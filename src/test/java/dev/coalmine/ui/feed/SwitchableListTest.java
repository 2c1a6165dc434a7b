package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

@FastTest
class SwitchableListTest {
    @Test
    void aListenerThatReplaysTheChangesHoldsWhatTheSourceHoldsThroughEveryKindOfChange() {
        Random random = new Random(7);
        ObservableList<Integer> arrival = FXCollections.observableArrayList();
        SortedList<Integer> sorted = new SortedList<>(arrival, Comparator.reverseOrder());
        SwitchableList<Integer> shown = new SwitchableList<>(arrival);
        List<Integer> replayed = replay(shown);
        for (int round = 0; round < 300; round++) {
            switch (random.nextInt(4)) {
                case 0 -> arrival.addAll(random.ints(random.nextInt(5), 0, 1000).boxed().toList());
                case 1 -> {
                    if (!arrival.isEmpty()) {
                        arrival.remove(random.nextInt(arrival.size()));
                    }
                }
                case 2 -> {
                    if (!arrival.isEmpty()) {
                        arrival.set(random.nextInt(arrival.size()), random.nextInt(1000));
                    }
                }
                default -> shown.switchTo(shown.size() % 2 == 0 ? sorted : arrival);
            }
            assertThat(replayed).containsExactlyElementsOf(shown);
        }
        shown.switchTo(sorted);
        sorted.setComparator(Comparator.naturalOrder()); // a permutation
        assertThat(replayed).containsExactlyElementsOf(sorted);
    }

    @Test
    void switchedAwayTheOldSourceNoLongerReachesItsListeners() {
        ObservableList<String> first = FXCollections.observableArrayList("a", "b");
        ObservableList<String> second = FXCollections.observableArrayList("c");
        SwitchableList<String> shown = new SwitchableList<>(first);
        List<String> replayed = replay(shown);
        List<Integer> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<String>) c -> changes.add(1));

        shown.switchTo(second);
        first.add("x");
        assertThat(replayed).containsExactly("c");
        assertThat(changes).hasSize(1);
        shown.switchTo(second);
        assertThat(changes).as("the same list again is no change").hasSize(1);
    }

    /** A plain copy of {@code list} kept up to date only from the changes it fires. */
    private static <T> List<T> replay(ObservableList<T> list) {
        List<T> copy = new ArrayList<>(list);
        list.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<T> before = new ArrayList<>(copy.subList(c.getFrom(), c.getTo()));
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), before.get(i - c.getFrom()));
                    }
                } else if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(i, c.getList().get(i));
                    }
                } else {
                    copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        return copy;
    }
}
