package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

@FastTest
class NewestRowsTest {
    @Test
    void showsTheNewestItemsThroughAppendsEvictionsAndRemovalsInside() {
        Random random = new Random(3);
        ObservableList<String> source = FXCollections.observableArrayList();
        NewestRows<String> newest = new NewestRows<>(source, 20);
        int next = 0;
        for (int round = 0; round < 400; round++) {
            List<String> added = new ArrayList<>();
            for (int k = random.nextInt(15); k > 0; k--) {
                added.add("e" + next++);
            }
            source.addAll(added);
            if (source.size() > 60) {
                source.remove(0, source.size() - 60);
            }
            if (random.nextInt(3) == 0 && !source.isEmpty()) {
                source.remove(random.nextInt(source.size()));
            }
            List<String> expected = source.subList(Math.max(0, source.size() - 20), source.size());
            assertThat(newest.rows()).containsExactlyElementsOf(expected);
            assertThat(newest.hiddenProperty().get()).isEqualTo(source.size() - expected.size());
        }
    }

    @Test
    void aHigherLimitBringsOlderItemsInFront() {
        ObservableList<String> source = FXCollections.observableArrayList("a", "b", "c", "d", "e");
        NewestRows<String> newest = new NewestRows<>(source, 2);
        assertThat(newest.rows()).containsExactly("d", "e");
        assertThat(newest.hiddenProperty().get()).isEqualTo(3);
        newest.limitProperty().set(4);
        assertThat(newest.rows()).containsExactly("b", "c", "d", "e");
        newest.limitProperty().set(10);
        assertThat(newest.rows()).containsExactly("a", "b", "c", "d", "e");
        assertThat(newest.hiddenProperty().get()).isZero();
    }
}
