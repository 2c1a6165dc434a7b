package dev.coalmine.ui.history;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.time.RelativeTime;
import dev.coalmine.ui.Columns;
import dev.coalmine.ui.SortedRows;
import dev.coalmine.ui.time.TimeColumns;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A workload's recorded releases, newest first (outcome, when, how long, who decided, the latest verdict, the
 * change); the selected one shows below, read-only. The newest can be opened live in the rollout view.
 */
public final class ReleaseHistoryView extends VBox {
    public ReleaseHistoryView(ReleaseHistoryViewModel model, Consumer<ReleaseState> openLive) {
        super(8);
        setId("release-history");
        setPadding(new Insets(12));
        Label notice = new Label();
        notice.setId("history-notice");
        notice.getStyleClass().add("text-muted");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        Button live = new Button("Open in rollout view");
        live.setId("history-open-live");
        live.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.isCurrent(model.selectedProperty().get()),
                model.selectedProperty(), model.releases()));
        live.setOnAction(e -> openLive.accept(model.selectedProperty().get()));

        TableView<ReleaseState> table = table(model);
        ReleaseRecordView record = new ReleaseRecordView(model.selectedProperty(), model.manifestProperty(), live);
        SplitPane split = new SplitPane(table, record);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.27);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(notice, split);
    }

    /** The vertical scroll bar and the table's border, so that a fitting change column does not scroll sideways. */
    private static final double SCROLL_BAR_ROOM = 18;

    private static TableView<ReleaseState> table(ReleaseHistoryViewModel model) {
        TableView<ReleaseState> table = new TableView<>();
        SortedRows.show(table, model.releases(), null);
        table.setId("history-table");
        table.getStyleClass().add("dense");
        table.getColumns().add(Columns.of("#", 40, ReleaseState::number, String::valueOf));
        table.getColumns().add(Columns.text("Outcome", 110, ReleaseWords::outcome));
        table.getColumns().add(TimeColumns.ago("Started", 110, ReleaseState::startedAt));
        table.getColumns().add(Columns.of("Took", 70, r -> ReleaseWords.duration(r, Instant.now()), RelativeTime::took));
        table.getColumns().add(Columns.text("Decided", 260, ReleaseWords::decidedBy));
        table.getColumns().add(Columns.text("Verdict", 120, ReleaseWords::latestVerdict));
        TableColumn<ReleaseState, String> change = Columns.text("Change", 300, ReleaseWords::change);
        change.setId("history-change");
        // The constrained policies spread a wide table's room over every column; the change takes all of it instead.
        DoubleBinding others = Bindings.createDoubleBinding(() -> table.getColumns().stream().filter(c -> c != change)
                .mapToDouble(TableColumn::getWidth).sum(), table.getColumns().stream()
                .map(TableColumn::widthProperty).toArray(javafx.beans.Observable[]::new));
        table.getColumns().add(change);
        change.prefWidthProperty().bind(Bindings.max(300, table.widthProperty().subtract(others).subtract(SCROLL_BAR_ROOM)));
        table.setPlaceholder(new Label("No recorded release"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                model.selectedProperty().set(r);
            }
        });
        model.selectedProperty().addListener((obs, old, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }
        Columns.fitHeaders(table);
        TimeColumns.keepCurrent(table);
        return table;
    }
}
