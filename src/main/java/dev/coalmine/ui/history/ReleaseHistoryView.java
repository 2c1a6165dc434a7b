package dev.coalmine.ui.history;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.ui.time.TimeColumns;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
        Label title = new Label("Release history of " + model.deployment());
        title.getStyleClass().add("title-4");
        Label notice = new Label();
        notice.setId("history-notice");
        notice.getStyleClass().add("text-muted");
        notice.textProperty().bind(model.noticeProperty());
        notice.setMinWidth(0);
        Button live = new Button("Open in rollout view");
        live.setId("history-open-live");
        live.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.isCurrent(model.selectedProperty().get()),
                model.selectedProperty(), model.releases()));
        live.setOnAction(e -> openLive.accept(model.selectedProperty().get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, title, notice, gap, live);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<ReleaseState> table = table(model);
        ReleaseRecordView record = new ReleaseRecordView(model.selectedProperty(), model.manifestProperty());
        SplitPane split = new SplitPane(table, record);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(top, split);
    }

    private static TableView<ReleaseState> table(ReleaseHistoryViewModel model) {
        TableView<ReleaseState> table = new TableView<>(model.releases());
        table.setId("history-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TextColumns.of("#", 40, r -> Integer.toString(r.number())));
        table.getColumns().add(TextColumns.of("Outcome", 110, ReleaseWords::outcome));
        table.getColumns().add(TimeColumns.ago("Started", 95, ReleaseState::startedAt));
        table.getColumns().add(TextColumns.of("Took", 80, r -> ReleaseWords.took(r, Instant.now())));
        table.getColumns().add(TextColumns.of("Decided", 190, ReleaseWords::decidedBy));
        table.getColumns().add(TextColumns.of("Latest verdict", 130, ReleaseWords::latestVerdict));
        table.getColumns().add(TextColumns.of("Change", 220, ReleaseWords::change));
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
        TimeColumns.keepCurrent(table);
        return table;
    }
}
