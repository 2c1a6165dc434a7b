package dev.coalmine.ui.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * A live view of a list in reverse order: "newest first" for a list that appends its newest items. Unlike a
 * {@link javafx.collections.transformation.SortedList}, a change costs only the items it touches, which matters when
 * a flood of Events evicts and appends thousands of rows a second.
 */
final class ReversedList<T> extends TransformationList<T, T> {

    ReversedList(ObservableList<T> source) {
        super(source);
    }

    @Override
    public T get(int index) {
        return getSource().get(getSourceIndex(index));
    }

    @Override
    public int size() {
        return getSource().size();
    }

    @Override
    public int getSourceIndex(int index) {
        return size() - 1 - index;
    }

    @Override
    public int getViewIndex(int index) {
        return size() - 1 - index;
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends T> c) {
        List<Step<T>> steps = new ArrayList<>();
        int n = getSource().size();
        while (c.next()) {
            int[] permutation = new int[c.wasPermutated() ? c.getTo() - c.getFrom() : 0];
            for (int i = 0; i < permutation.length; i++) {
                permutation[i] = c.getPermutation(c.getFrom() + i);
            }
            steps.add(new Step<>(c.getFrom(), c.getTo(), new ArrayList<>(c.getRemoved()), c.getAddedSize(), permutation));
            n += c.getRemovedSize() - c.getAddedSize();
        }
        // The sub-changes apply one after another; n is the size the next one starts from.
        beginChange();
        for (Step<T> step : steps) {
            if (step.permutation().length > 0) {
                nextPermutation(n - step.to(), n - step.from(), reversed(step, n));
                continue;
            }
            int start = n - step.from() - step.removed().size();
            List<T> removed = step.removed();
            Collections.reverse(removed);
            if (!removed.isEmpty() && step.added() > 0) {
                nextReplace(start, start + step.added(), removed);
            } else if (!removed.isEmpty()) {
                nextRemove(start, removed);
            } else if (step.added() > 0) {
                nextAdd(start, start + step.added());
            }
            n += step.added() - removed.size();
        }
        endChange();
    }

    /** Where each item of a permuted range moves, in this list's indices. */
    private static int[] reversed(Step<?> step, int n) {
        int[] moves = new int[step.permutation().length];
        for (int k = n - step.to(); k < n - step.from(); k++) {
            int sourceIndex = n - 1 - k;
            moves[k - (n - step.to())] = n - 1 - step.permutation()[sourceIndex - step.from()];
        }
        return moves;
    }

    private record Step<T>(int from, int to, List<T> removed, int added, int[] permutation) {
    }
}
