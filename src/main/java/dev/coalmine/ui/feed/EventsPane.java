package dev.coalmine.ui.feed;

import dev.coalmine.ui.Columns;
import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.ui.time.TimeColumns;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The release's Kubernetes Events, newest last, filterable by type and object; warnings stand out. The filter
 * searches every kept Event; the table shows the newest {@value #PAGE} matches and "Show older" adds more.
 */
public final class EventsPane extends VBox {
    /** Rows the table shows at first: enough to scroll back minutes of a busy release, few enough to stay smooth. */
    static final int PAGE = 5_000;
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    public EventsPane(LiveList<EventRecord> events) {
        super(8);
        setId("events-pane");
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList("All types", "Warning", "Normal"));
        type.setId("event-type-filter");
        type.setValue("All types");
        TextField object = new TextField();
        object.setId("event-object-filter");
        object.setPromptText("Filter by object, reason or message");
        HBox.setHgrow(object, Priority.ALWAYS);

        FilteredList<EventRecord> filtered = new FilteredList<>(events.items());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String wantedType = type.getValue();
            String text = object.getText() == null ? "" : object.getText().strip().toLowerCase(Locale.ROOT);
            return (EventRecord e) -> ("All types".equals(wantedType) || wantedType.equals(e.type()))
                    && (text.isEmpty() || (e.object() + " " + e.reason() + " " + e.message())
                    .toLowerCase(Locale.ROOT).contains(text));
        }, type.valueProperty(), object.textProperty()));

        NewestRows<EventRecord> newest = new NewestRows<>(filtered, PAGE);
        TableView<EventRecord> table = new TableView<>(newest.rows());
        table.setId("events-table");
        table.getStyleClass().add("dense");
        // Every row is one line: a fixed height spares the VirtualFlow measuring rows (it laid out and styled a
        // spare cell per row it sized, on every merge). 2em is the row height of the dense theme.
        table.setStyle("-fx-fixed-cell-size: 2em;");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TimeColumns.ago("Last seen", 90, EventRecord::lastTime));
        table.getColumns().add(Columns.text("Type", 70, EventRecord::type));
        table.getColumns().add(Columns.text("Reason", 130, EventRecord::reason));
        table.getColumns().add(Columns.text("Object", 230, e -> e.object().toString()));
        table.getColumns().add(Columns.text("Count", 55, e -> Integer.toString(e.count())));
        table.getColumns().add(Columns.text("Message", 420, EventRecord::message));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EventRecord item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(WARNING, !empty && item != null && item.isWarning());
            }
        });
        table.setPlaceholder(new Label("No Events for this release's objects yet"));
        TimeColumns.keepCurrent(table);
        newest.rows().addListener((ListChangeListener<EventRecord>) c -> {
            if (wasAdded(c) && isNearBottom(table)) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox bar = new HBox(8, type, object, shownLabel(newest, filtered), olderButton(newest));
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, table);
    }

    private static Label shownLabel(NewestRows<EventRecord> newest, FilteredList<EventRecord> filtered) {
        Label shown = new Label();
        shown.setId("events-shown");
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        shown.textProperty().bind(Bindings.createStringBinding(() -> newest.hiddenProperty().get() == 0 ? ""
                        : "Newest " + count.format(newest.rows().size()) + " of " + count.format(filtered.size()),
                newest.hiddenProperty(), newest.limitProperty()));
        return shown;
    }

    private static Button olderButton(NewestRows<EventRecord> newest) {
        Button older = new Button(String.format(Locale.ROOT, "Show %,d older", PAGE));
        older.setId("events-show-older");
        older.visibleProperty().bind(newest.hiddenProperty().greaterThan(0));
        older.managedProperty().bind(older.visibleProperty());
        older.setOnAction(e -> newest.limitProperty().set(newest.limitProperty().get() + PAGE));
        return older;
    }

    private static boolean wasAdded(ListChangeListener.Change<?> c) {
        while (c.next()) {
            if (c.wasAdded()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNearBottom(TableView<?> table) {
        return table.getSelectionModel().isEmpty();
    }

}
