package dev.coalmine.ui.feed;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a virtualised list scrolled to its newest row while {@code following} says so. It scrolls once per burst of
 * changes and only after the control has taken them in: scrolling from the change itself ran before the control
 * knew the new row count, so the view stayed behind the newest lines.
 */
final class FollowNewest {
    private final ObservableList<?> items;
    private final Runnable scrollToNewest;
    private final BooleanSupplier following;
    private boolean pending;

    private FollowNewest(ObservableList<?> items, Runnable scrollToNewest, BooleanSupplier following) {
        this.items = items;
        this.scrollToNewest = scrollToNewest;
        this.following = following;
    }

    static FollowNewest install(TableView<?> table, ObservableList<?> changes, BooleanSupplier following) {
        return install(changes, () -> toEnd(table), following);
    }

    static FollowNewest install(ListView<?> list, BooleanSupplier following) {
        return install(list.getItems(), () -> toEnd(list), following);
    }

    /** Runs {@code scrollToNewest} after each burst of {@code changes}, while {@code following} says so. */
    static FollowNewest install(ObservableList<?> changes, Runnable scrollToNewest, BooleanSupplier following) {
        FollowNewest follow = new FollowNewest(changes, scrollToNewest, following);
        changes.addListener((ListChangeListener<Object>) c -> follow.changed());
        return follow;
    }

    /** Scrolls to the newest row, if following, as after a change (for example when the list is shown again). */
    void catchUp() {
        changed();
    }

    /**
     * To the flow's very end: scrolling to the last row's index (the control's scrollTo, and the flow's) stopped one
     * row short in a list of fixed-size cells, so the newest line stayed just below the viewport.
     */
    static void toEnd(Control control) {
        control.layout();
        if (toPosition(control, 1)) {
            return;
        }
        if (control instanceof TableView<?> table) {
            table.scrollTo(table.getItems().size() - 1);
        } else if (control instanceof ListView<?> list) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    /** Sets the control's flow to {@code position} (0 its top, 1 its end); false while it has no flow yet. */
    static boolean toPosition(Control control, double position) {
        if (control.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(position);
            return true;
        }
        return false;
    }

    private void changed() {
        if (pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            if (following.getAsBoolean() && !items.isEmpty()) {
                scrollToNewest.run();
            }
        });
    }
}
