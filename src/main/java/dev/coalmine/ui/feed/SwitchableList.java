package dev.coalmine.ui.feed;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * One list a control keeps for good, showing whichever list it is switched to and passing on that list's changes. A
 * TableView clears its sort order whenever it is given another list that is not a SortedList (JavaFX's fix for
 * RT-35763): a table whose rows come from several lists in turn (in arrival order, reversed, sorted, none while
 * hidden) lost the column the operator had just sorted by. Given this list once, it keeps it.
 */
final class SwitchableList<T> extends ObservableListBase<T> {
    private final ListChangeListener<T> forward = this::forward;
    private ObservableList<T> source;

    SwitchableList(ObservableList<T> source) {
        this.source = source;
        source.addListener(forward);
    }

    /** Shows {@code next} instead, as one change that replaces all rows. */
    void switchTo(ObservableList<T> next) {
        if (next == source) {
            return;
        }
        List<T> removed = new ArrayList<>(source);
        source.removeListener(forward);
        source = next;
        next.addListener(forward);
        beginChange();
        if (!removed.isEmpty()) {
            nextRemove(0, removed);
        }
        if (!next.isEmpty()) {
            nextAdd(0, next.size());
        }
        endChange();
    }

    @Override
    public T get(int index) {
        return source.get(index);
    }

    @Override
    public int size() {
        return source.size();
    }

    private void forward(ListChangeListener.Change<? extends T> c) {
        beginChange();
        while (c.next()) {
            if (c.wasPermutated()) {
                int[] permutation = new int[c.getTo() - c.getFrom()];
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    permutation[i - c.getFrom()] = c.getPermutation(i);
                }
                nextPermutation(c.getFrom(), c.getTo(), permutation);
            } else if (c.wasUpdated()) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    nextUpdate(i);
                }
            } else {
                if (c.wasRemoved()) {
                    nextRemove(c.getFrom(), c.getRemoved());
                }
                if (c.wasAdded()) {
                    nextAdd(c.getFrom(), c.getTo());
                }
            }
        }
        endChange();
    }
}
