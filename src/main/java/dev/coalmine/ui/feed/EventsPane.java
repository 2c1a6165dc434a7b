package dev.coalmine.ui.feed;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.ui.Columns;
import dev.coalmine.ui.time.TimeColumns;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The release's Kubernetes Events, newest first (any column sorts), filterable by text and to warnings only;
 * warnings stand out, selected rows copy as text. The filter searches every kept Event; the table shows the newest
 * {@value #PAGE} matches and "Show older" adds more.
 */
public final class EventsPane extends VBox implements FeedView {
    /** Rows the table shows at first: enough to scroll back minutes of a busy release, few enough to stay smooth. */
    static final int PAGE = 5_000;
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Events of the same second: the later write (higher resourceVersion) is the newer. */
    private static final Comparator<EventRecord> WRITE_ORDER = Comparator.comparingLong(EventsPane::writeOrder);

    private SortedList<EventRecord> sorted;
    private final ShownItems<EventRecord> shown;

    public EventsPane(LiveList<EventRecord> events) {
        super(8);
        setId("events-pane");
        ToggleButton warningsOnly = new ToggleButton("Warnings only");
        warningsOnly.setId("events-warnings-only");
        warningsOnly.setMinWidth(USE_PREF_SIZE);
        TextField object = new TextField();
        object.setId("event-object-filter");
        object.setPromptText("Filter by object, reason or message");
        HBox.setHgrow(object, Priority.ALWAYS);

        FilteredList<EventRecord> filtered = new BackgroundFilter<>(events.items(), Bindings.createObjectBinding(() -> {
            boolean warnings = warningsOnly.isSelected();
            String text = object.getText() == null ? "" : object.getText().strip().toLowerCase(Locale.ROOT);
            return (EventRecord e) -> (!warnings || e.isWarning())
                    && (text.isEmpty() || (e.object() + " " + e.reason() + " " + e.message())
                    .toLowerCase(Locale.ROOT).contains(text));
        }, warningsOnly.selectedProperty(), object.textProperty())).rows();

        NewestRows<EventRecord> newest = new NewestRows<>(filtered, PAGE);
        // Newest first (the default) and oldest first are views of the rows in arrival order, which cost only the
        // rows a merge touches; a SortedList, which re-sorts under every merge, is used only for another column.
        ReversedList<EventRecord> newestFirst = new ReversedList<>(newest.rows());
        TableView<EventRecord> table = new TableView<>(newestFirst);
        table.setId("events-table");
        table.getStyleClass().add("dense");
        // Every row is one line: a fixed height spares the VirtualFlow measuring rows (it laid out and styled a
        // spare cell per row it sized, on every merge). 2em is the row height of the dense theme.
        table.setStyle("-fx-fixed-cell-size: 2em;");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventRecord, Instant> lastSeen = TimeColumns.ago("Last seen", 90, EventRecord::lastTime);
        lastSeen.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        table.getColumns().add(lastSeen);
        table.getColumns().add(Columns.text("Type", 70, EventRecord::type));
        table.getColumns().add(Columns.text("Reason", 130, EventRecord::reason));
        table.getColumns().add(Columns.text("Object", 230, e -> e.object().toString()));
        TableColumn<EventRecord, Integer> count = Columns.of("Count", 60, EventRecord::count, String::valueOf);
        table.getColumns().add(count);
        table.getColumns().add(Columns.text("Message", 420, EventRecord::message));
        Columns.fitHeaders(table);
        shown = new ShownItems<>(table.itemsProperty(), table.getSelectionModel());
        // Unless the operator has selected rows to read, the newest Event stays in view, wherever the sort puts it.
        FollowNewest follow = FollowNewest.install(newest.rows(), () -> showNewest(table),
                () -> table.getSelectionModel().isEmpty());
        // Another column's sort breaks ties by write order, so rows of the same second keep their order.
        // The SortedList exists only while such a sort is chosen: even unsorted it redid all rows under every merge.
        table.setSortPolicy(t -> {
            boolean byArrival = t.getSortOrder().isEmpty() || t.getSortOrder().get(0) == lastSeen;
            if (byArrival) {
                sorted = null;
                shown.set(newestFirst(t) ? newestFirst : newest.rows());
            } else {
                if (sorted == null) {
                    sorted = new SortedList<>(newest.rows());
                }
                sorted.setComparator(t.getComparator().thenComparing(WRITE_ORDER));
                shown.set(sorted);
            }
            follow.catchUp();
            return true;
        });
        lastSeen.setSortType(TableColumn.SortType.DESCENDING); // newest first from the start
        table.getSortOrder().add(lastSeen);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EventRecord item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(WARNING, !empty && item != null && item.isWarning());
            }
        });
        table.setPlaceholder(new Label("No Events for this release's objects yet"));
        TimeColumns.keepCurrent(table);
        CopyRows.install(table, table.getSelectionModel(), table::getItems, EventsPane::asLine);
        shown.whenShown(follow::catchUp);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox bar = new HBox(8, warningsOnly, object, shownLabel(newest, filtered), olderButton(newest));
        bar.setAlignment(Pos.CENTER_LEFT);
        warningsOnly.setTooltip(new Tooltip("Show only Events of type Warning"));
        getChildren().addAll(bar, table);
    }

    @Override
    public BooleanProperty shownProperty() {
        return shown.shownProperty();
    }

    /** One Event as a line of text, columns separated by tabs (pastes into a spreadsheet or a ticket). */
    static String asLine(EventRecord e) {
        return String.join("\t", e.lastTime() == null ? "" : TIME.format(e.lastTime()), e.type(), e.reason(),
                e.object().toString(), Integer.toString(e.count()), e.message());
    }

    private static boolean newestFirst(TableView<EventRecord> table) {
        return !table.getSortOrder().isEmpty() && table.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING;
    }

    private static void showNewest(TableView<EventRecord> table) {
        if (table.getItems().isEmpty()) {
            return;
        }
        if (!newestFirst(table)) {
            FollowNewest.toEnd(table);
        } else if (!FollowNewest.toPosition(table, 0)) {
            // The flow's position does nothing at the top, where the newest rows already are. scrollTo laid the whole
            // flow out at once (a new row count) and had every row made again at the next pulse, at every merge.
            table.scrollTo(0);
        }
    }

    private static long writeOrder(EventRecord e) {
        try {
            return Long.parseLong(e.resourceVersion());
        } catch (NumberFormatException | NullPointerException notNumeric) {
            return 0;
        }
    }

    private static Label shownLabel(NewestRows<EventRecord> newest, FilteredList<EventRecord> filtered) {
        Label shown = new Label();
        shown.setId("events-shown");
        shown.setMinWidth(USE_PREF_SIZE);
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        shown.textProperty().bind(Bindings.createStringBinding(() -> newest.hiddenProperty().get() == 0 ? ""
                        : "Newest " + count.format(newest.rows().size()) + " of " + count.format(filtered.size()),
                newest.hiddenProperty(), newest.limitProperty()));
        return shown;
    }

    private static Button olderButton(NewestRows<EventRecord> newest) {
        Button older = new Button(String.format(Locale.ROOT, "Show %,d older", PAGE));
        older.setId("events-show-older");
        older.setMinWidth(USE_PREF_SIZE);
        older.visibleProperty().bind(newest.hiddenProperty().greaterThan(0));
        older.managedProperty().bind(older.visibleProperty());
        older.setOnAction(e -> newest.limitProperty().set(newest.limitProperty().get() + PAGE));
        return older;
    }
}
