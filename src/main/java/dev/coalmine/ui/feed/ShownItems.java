package dev.coalmine.ui.feed;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.MultipleSelectionModel;

/**
 * A virtualised control's items, given to it only while it is shown. JavaFX lays out a table in a tab that is not
 * selected just as a shown one (layout ignores visibility), and a table whose row count changes rebuilds all its
 * visible rows in that layout: a hidden Pod logs table rebuilt and restyled its rows at every merge of new lines.
 * Hidden, the control holds no items; shown again, it gets them back with the rows that were selected.
 */
final class ShownItems<T> {
    private final ObjectProperty<ObservableList<T>> items;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private ObservableList<T> wanted;
    private List<T> selectedWhileHidden = List.of();

    ShownItems(ObjectProperty<ObservableList<T>> items, MultipleSelectionModel<T> selection) {
        this.items = items;
        this.wanted = items.get();
        shown.addListener((obs, was, now) -> {
            if (now) {
                items.set(wanted);
                selectedWhileHidden.forEach(selection::select);
                selectedWhileHidden = List.of();
            } else {
                selectedWhileHidden = List.copyOf(selection.getSelectedItems());
                items.set(FXCollections.emptyObservableList());
            }
        });
    }

    /** The items the control shows while it is shown. */
    void set(ObservableList<T> list) {
        wanted = list;
        if (shown.get()) {
            items.set(list);
        }
    }

    /** Runs {@code action} each time the control is shown again, once its items are back. */
    void whenShown(Runnable action) {
        shown.addListener((obs, was, now) -> {
            if (now) {
                action.run();
            }
        });
    }

    /** True while the control is on screen (default); bound by whoever knows, such as a tab's selection. */
    BooleanProperty shownProperty() {
        return shown;
    }

    boolean isShown() {
        return shown.get();
    }
}
