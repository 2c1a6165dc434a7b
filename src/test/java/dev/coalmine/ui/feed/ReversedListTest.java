package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The reversed view, and a copy kept only from its change events, both equal the source reversed. */
@FastTest
class ReversedListTest {

    @Test
    void aCopyKeptFromTheChangesAlwaysEqualsTheSourceReversed() {
        ObservableList<Integer> source = FXCollections.observableArrayList();
        ReversedList<Integer> reversed = new ReversedList<>(source);
        List<Integer> copy = new ArrayList<>();
        reversed.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<Integer> before = new ArrayList<>(copy);
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), before.get(i));
                    }
                    continue;
                }
                copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                copy.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        Random random = new Random(7);
        int next = 0;
        for (int round = 0; round < 2_000; round++) {
            switch (random.nextInt(6)) {
                case 0 -> source.addAll(List.of(next++, next++, next++));
                case 1 -> {
                    if (source.size() > 3) {
                        source.remove(0, 2);
                    }
                }
                case 2 -> source.add(random.nextInt(source.size() + 1), next++);
                case 3 -> {
                    if (!source.isEmpty()) {
                        source.set(random.nextInt(source.size()), next++);
                    }
                }
                case 4 -> source.removeIf(x -> x % 7 == random.nextInt(7)); // scattered: many sub-changes at once
                default -> FXCollections.sort(source, random.nextBoolean() ? Comparator.<Integer>naturalOrder()
                        : Comparator.<Integer>reverseOrder());
            }
            List<Integer> expected = new ArrayList<>(source);
            Collections.reverse(expected);
            assertThat(reversed).containsExactlyElementsOf(expected);
            assertThat(copy).as("after round %d", round).containsExactlyElementsOf(expected);
        }
    }
}
