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
 * Hidden, the control holds no items; shown again, it gets them back with the rows that were selected. The control
 * keeps one list throughout ({@link SwitchableList}), so a table keeps its sort order when its rows change lists.
 */
final class ShownItems<T> {
    private final SwitchableList<T> items;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private ObservableList<T> wanted;
    private List<T> selectedWhileHidden = List.of();

    ShownItems(ObjectProperty<ObservableList<T>> control, MultipleSelectionModel<T> selection) {
        this.wanted = control.get();
        this.items = new SwitchableList<>(wanted);
        control.set(items);
        shown.addListener((obs, was, now) -> {
            if (now) {
                items.switchTo(wanted);
                selectedWhileHidden.forEach(selection::select);
                selectedWhileHidden = List.of();
            } else {
                selectedWhileHidden = List.copyOf(selection.getSelectedItems());
                items.switchTo(FXCollections.emptyObservableList());
            }
        });
    }

    /** The items the control shows while it is shown. */
    void set(ObservableList<T> list) {
        wanted = list;
        if (shown.get()) {
            items.switchTo(list);
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
