package dev.coalmine.ui;

import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;

/**
 * A table whose rows stay in the order of the column headers the operator clicked, through every later change of
 * the rows, and in their own order otherwise. JavaFX's default sort sorted a plain list once, in place, so the next
 * refresh put the rows back in the model's order under the same sort arrow; over a SortedList with a comparator of
 * its own, a click on a header did nothing at all.
 */
public final class SortedRows {
    private SortedRows() {
    }

    /**
     * Shows {@code rows} in {@code table}, sorted by the table's sort order, ties (and an unsorted table) in
     * {@code natural} order, or in the rows' own order where {@code natural} is null.
     */
    public static <T> SortedList<T> show(TableView<T> table, ObservableList<T> rows, Comparator<T> natural) {
        SortedList<T> sorted = new SortedList<>(rows);
        show(table, sorted, natural);
        return sorted;
    }

    /** As {@link #show(TableView, ObservableList, Comparator)}, for rows a model already keeps sorted. */
    public static <T> void show(TableView<T> table, SortedList<T> sorted, Comparator<T> natural) {
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
            Comparator<T> clicked = table.getComparator();
            return clicked == null ? natural : natural == null ? clicked : clicked.thenComparing(natural);
        }, table.comparatorProperty()));
        table.setItems(sorted);
        // The SortedList follows the table's comparator, which the table sets before it calls its sort policy.
        table.setSortPolicy(t -> true);
    }
}
