package dev.coalmine.ui.feed;

import dev.coalmine.ui.StyleClasses;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A virtualised, monospaced list of feed lines (step log, pod logs) that follows the newest line unless
 * the operator has selected one to read. Selected lines copy as text (Ctrl+C or the context menu).
 */
public final class LinesPane<T> extends VBox implements FeedView {
    private final ListView<T> list;
    private final ShownItems<T> shown;

    public LinesPane(String id, LiveList<T> lines, Function<T, String> text, Function<T, String> styleClass,
            String emptyText) {
        setId(id);
        list = new ListView<>(lines.items());
        list.setId(id + "-list");
        list.getStyleClass().addAll("monospace", "dense");
        list.setPlaceholder(new Label(emptyText));
        list.setCellFactory(v -> new ListCell<>() {
            private String applied;

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null;
                setText(none ? null : text.apply(item));
                applied = StyleClasses.swap(this, applied, none ? null : styleClass.apply(item));
            }
        });
        CopyRows.install(list, list.getSelectionModel(), list::getItems, text);
        shown = new ShownItems<>(list.itemsProperty(), list.getSelectionModel());
        FollowNewest follow = FollowNewest.install(list, () -> shown.isShown() && list.getSelectionModel().isEmpty());
        shown.whenShown(follow::catchUp);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }

    public ListView<T> list() {
        return list;
    }

    @Override
    public BooleanProperty shownProperty() {
        return shown.shownProperty();
    }
}
