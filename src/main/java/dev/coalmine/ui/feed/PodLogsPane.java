package dev.coalmine.ui.feed;

import dev.coalmine.core.feed.HttpStatus;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.ui.Columns;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
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
 * The canary's and baseline's pod logs, oldest first and following the newest, with each access line's HTTP status
 * in its own column (5xx stand out). Search narrows the lines; Pause freezes what is shown to read it while the
 * feed goes on (Follow catches up); selected lines copy as text.
 */
public final class PodLogsPane extends VBox implements FeedView {
    private static final PseudoClass SERVER_ERROR = PseudoClass.getPseudoClass("server-error");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TableView<LogLine> table = new TableView<>();
    private final FilteredList<LogLine> live;
    private final ObservableList<LogLine> frozen = FXCollections.observableArrayList();
    private final FilteredList<LogLine> paused;
    private final IntegerProperty newWhilePaused = new SimpleIntegerProperty();
    private final ShownItems<LogLine> shown;

    public PodLogsPane(LiveList<LogLine> lines) {
        super(8);
        setId("pod-logs");
        TextField search = new TextField();
        search.setId("pod-logs-filter");
        search.setPromptText("Search pod, status or text");
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pod-logs-pause");
        pause.setMinWidth(USE_PREF_SIZE);
        pause.setTooltip(new Tooltip("Freeze the shown lines to read them; the feed goes on and Follow catches up"));
        pause.textProperty().bind(Bindings.when(pause.selectedProperty()).then("Follow").otherwise("Pause"));
        Label behind = new Label();
        behind.setId("pod-logs-behind");
        behind.setMinWidth(USE_PREF_SIZE);
        behind.textProperty().bind(Bindings.createStringBinding(() -> pause.isSelected()
                ? String.format(Locale.ROOT, "paused, %,d new lines", newWhilePaused.get()) : "", pause.selectedProperty(),
                newWhilePaused));

        ObjectBinding<Predicate<LogLine>> matching = Bindings.createObjectBinding(() -> matcher(search.getText()),
                search.textProperty());
        live = new BackgroundFilter<>(lines.items(), matching).rows();
        paused = new BackgroundFilter<>(frozen, matching).rows();
        lines.items().addListener((ListChangeListener<LogLine>) c -> {
            while (c.next()) {
                if (pause.isSelected() && c.wasAdded()) {
                    newWhilePaused.set(newWhilePaused.get() + c.getAddedSize());
                }
            }
        });
        table.setItems(live);
        shown = new ShownItems<>(table.itemsProperty(), table.getSelectionModel());
        pause.selectedProperty().addListener((obs, was, frozenNow) -> {
            newWhilePaused.set(0);
            if (frozenNow) {
                frozen.setAll(lines.items());
                shown.set(paused);
            } else {
                shown.set(live);
                frozen.clear();
                scrollToNewest();
            }
        });

        table.setId("pod-logs-table");
        table.getStyleClass().addAll("dense", "monospace-cells");
        table.setStyle("-fx-fixed-cell-size: 2em;");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Time", 75, l -> l.time() == null ? "" : TIME.format(l.time())));
        table.getColumns().add(Columns.text("Pod", 270, l -> l.pod() + "/" + l.container()));
        TableColumn<LogLine, String> status = Columns.text("Status", 60, l -> statusText(l.text()));
        status.setId("pod-logs-status");
        table.getColumns().add(status);
        table.getColumns().add(Columns.text("Line", 600, LogLine::text));
        table.getColumns().forEach(c -> c.setSortable(false)); // log order is the order things happened
        Columns.fitHeaders(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogLine item, boolean empty) {
                super.updateItem(item, empty);
                OptionalInt code = empty || item == null ? OptionalInt.empty() : HttpStatus.of(item.text());
                pseudoClassStateChanged(SERVER_ERROR, code.isPresent() && HttpStatus.isServerError(code.getAsInt()));
            }
        });
        table.setPlaceholder(new Label("Canary and baseline pod logs appear when their pods run"));
        CopyRows.install(table, table.getSelectionModel(), table::getItems, LogLine::prefixed);
        FollowNewest follow = FollowNewest.install(table, live,
                () -> shown.isShown() && table.getSelectionModel().isEmpty() && !pause.isSelected());
        shown.whenShown(follow::catchUp);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox bar = new HBox(8, search, behind, pause);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, table);
    }

    /** Lines whose pod, container, status or text contain every word typed (case-insensitive). */
    static Predicate<LogLine> matcher(String typed) {
        List<String> words = typed == null ? List.of()
                : Arrays.stream(typed.strip().toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return line -> true; // every line arriving is tested: no text to build for each while nothing is searched
        }
        return line -> {
            String haystack = (line.pod() + "/" + line.container() + " " + statusText(line.text()) + " " + line.text())
                    .toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String statusText(String text) {
        OptionalInt code = HttpStatus.of(text);
        return code.isPresent() ? Integer.toString(code.getAsInt()) : "";
    }

    @Override
    public BooleanProperty shownProperty() {
        return shown.shownProperty();
    }

    private void scrollToNewest() {
        if (!table.getItems().isEmpty()) {
            table.scrollTo(table.getItems().size() - 1);
        }
    }
}
