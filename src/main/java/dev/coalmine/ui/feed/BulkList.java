package dev.coalmine.ui.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import javafx.collections.ModifiableObservableListBase;

/**
 * An observable array list that removes or inserts a range with one array copy, and can drop its oldest items and
 * append new ones as one change. The list of {@code FXCollections.observableArrayList()} removes a range item by
 * item, shifting everything behind it each time: evicting 2,500 of 50,000 Events moved 125 million references on
 * the FX thread. And a table whose row count changes rebuilds all its cells, where a slide of its rows in one change
 * (the count unchanged) only gives the visible cells their new items.
 */
final class BulkList<T> extends ModifiableObservableListBase<T> implements RandomAccess {
    private final ArrayList<T> items = new ArrayList<>();

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, T element) {
        items.add(index, element);
    }

    @Override
    protected T doSet(int index, T element) {
        return items.set(index, element);
    }

    @Override
    protected T doRemove(int index) {
        return items.remove(index);
    }

    @Override
    public boolean addAll(int index, Collection<? extends T> added) {
        Objects.checkIndex(index, items.size() + 1);
        if (added.isEmpty()) {
            return false;
        }
        beginChange();
        try {
            items.addAll(index, added);
            nextAdd(index, index + added.size());
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends T> added) {
        return addAll(items.size(), added);
    }

    @Override
    public void remove(int from, int to) {
        Objects.checkFromToIndex(from, to, items.size());
        if (from == to) {
            return;
        }
        beginChange();
        try {
            List<T> range = items.subList(from, to);
            nextRemove(from, new ArrayList<>(range));
            range.clear();
        } finally {
            endChange();
        }
    }

    @Override
    protected void removeRange(int from, int to) {
        remove(from, to);
    }

    @Override
    public void clear() {
        remove(0, items.size());
    }

    /** Drops the first {@code drop} items and appends {@code appended}, as one change. */
    void slide(int drop, List<? extends T> appended) {
        beginChange();
        try {
            remove(0, drop);
            addAll(appended);
        } finally {
            endChange();
        }
    }
}
