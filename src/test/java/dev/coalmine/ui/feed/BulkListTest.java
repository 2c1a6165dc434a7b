package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

@FastTest
class BulkListTest {
    @Test
    void aSlideIsOneChangeThatKeepsTheCountAndSaysWhatWentAndCame() {
        BulkList<Integer> rows = new BulkList<>();
        rows.addAll(IntStream.range(0, 10).boxed().toList());
        List<String> changes = new ArrayList<>();
        List<Integer> mirror = new ArrayList<>(rows);
        rows.addListener((ListChangeListener<Integer>) c -> {
            StringBuilder one = new StringBuilder();
            while (c.next()) {
                one.append(c.getFrom()).append(c.wasRemoved() ? " -" + c.getRemoved() : "")
                        .append(c.wasAdded() ? " +" + c.getAddedSubList() : "").append("; ");
                mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
            changes.add(one.toString());
        });

        rows.slide(3, List.of(10, 11, 12));

        assertThat(changes).containsExactly("0 -[0, 1, 2]; 7 +[10, 11, 12]; ");
        assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12).isEqualTo(mirror);
    }

    @Test
    void rangesAreRemovedAndInsertedWhereverTheyAre() {
        BulkList<Integer> rows = new BulkList<>();
        rows.addAll(IntStream.range(0, 10).boxed().toList());
        rows.remove(2, 5);
        rows.addAll(1, List.of(-1, -2));
        rows.remove(9, 9);
        assertThat(rows).containsExactly(0, -1, -2, 1, 5, 6, 7, 8, 9);
        rows.setAll(List.of(42));
        assertThat(rows).containsExactly(42);
        rows.clear();
        assertThat(rows).isEmpty();
    }
}
