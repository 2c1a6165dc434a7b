package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** A state's style class changes only when the state does: each change has JavaFX look the node's styles up again. */
@FastTest
class StyleClassesTest {
    private static final List<String> OUTCOMES = List.of("line-done", "line-error", "line-unclear");

    private final Region cell = new Region();
    private final List<String> changes = new ArrayList<>();

    StyleClassesTest() {
        cell.getStyleClass().add("table-cell");
        cell.getStyleClass().addListener((ListChangeListener<String>) c -> changes.add(String.join(" ", cell.getStyleClass())));
    }

    @Test
    void theSameStateAgainChangesNothing() {
        StyleClasses.choose(cell, "line-error", OUTCOMES);
        StyleClasses.choose(cell, "line-error", OUTCOMES);
        StyleClasses.choose(cell, "line-error", OUTCOMES);

        assertThat(changes).containsExactly("table-cell line-error");
    }

    @Test
    void anotherStateReplacesTheFamilysClassAndLeavesTheOthers() {
        cell.getStyleClass().add("dense");
        StyleClasses.choose(cell, "line-error", OUTCOMES);
        StyleClasses.choose(cell, "line-done", OUTCOMES);
        assertThat(cell.getStyleClass()).containsExactly("table-cell", "dense", "line-done");

        StyleClasses.choose(cell, null, OUTCOMES);
        assertThat(cell.getStyleClass()).containsExactly("table-cell", "dense");
        changes.clear();
        StyleClasses.choose(cell, null, OUTCOMES);
        assertThat(changes).isEmpty();
    }

    @Test
    void aSwapOfAClassForItselfChangesNothing() {
        String applied = StyleClasses.swap(cell, null, "line-step");
        applied = StyleClasses.swap(cell, applied, "line-step");
        assertThat(changes).containsExactly("table-cell line-step");

        applied = StyleClasses.swap(cell, applied, "line-error");
        assertThat(cell.getStyleClass()).containsExactly("table-cell", "line-error");
        StyleClasses.swap(cell, applied, null);
        assertThat(cell.getStyleClass()).containsExactly("table-cell");
    }
}
