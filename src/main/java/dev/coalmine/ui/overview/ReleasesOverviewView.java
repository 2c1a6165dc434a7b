package dev.coalmine.ui.overview;

import dev.coalmine.kube.release.InProgressRelease;
import dev.coalmine.ui.history.ReleaseWords;
import dev.coalmine.ui.Columns;
import dev.coalmine.ui.SortedRows;
import dev.coalmine.ui.time.TimeColumns;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The releases in progress: namespace and workload, phase, canary size, latest verdict, age, who drives it. A row
 * opens its release (double-click, Enter or Open).
 */
public final class ReleasesOverviewView extends VBox {
    public ReleasesOverviewView(ReleasesOverviewViewModel model, Consumer<InProgressRelease> open) {
        super(8);
        setId("releases-overview");
        setPadding(new Insets(12));
        Label title = new Label("Releases in progress");
        title.getStyleClass().add("title-4");
        Label scope = new Label();
        scope.setId("overview-scope");
        scope.getStyleClass().add("text-muted");
        scope.textProperty().bind(model.scopeProperty());

        TableView<InProgressRelease> table = table(model, open);
        Button openButton = new Button("Open");
        openButton.setId("overview-open");
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, title, scope, gap, openButton);
        top.setAlignment(Pos.CENTER_LEFT);

        Label notice = new Label();
        notice.setId("overview-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        Button namespace = new Button();
        namespace.setId("overview-current-namespace");
        namespace.textProperty().bind(model.offeredNamespaceProperty().map(ns -> "Show namespace " + ns));
        namespace.managedProperty().bind(model.offeredNamespaceProperty().isNotEmpty());
        namespace.visibleProperty().bind(namespace.managedProperty());
        namespace.setOnAction(e -> model.showCurrentNamespace());

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(top, notice, namespace, table);
    }

    /** Every update replaces the rows, which clears the selection: select the same release again. */
    private static void keepSelection(TableView<InProgressRelease> table, ReleasesOverviewViewModel model) {
        String[] chosen = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                chosen[0] = r.namespace() + "/" + r.deployment();
            }
        });
        model.releases().addListener((ListChangeListener<InProgressRelease>) c -> table.getItems().stream()
                .filter(r -> (r.namespace() + "/" + r.deployment()).equals(chosen[0])).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
    }

    private static TableView<InProgressRelease> table(ReleasesOverviewViewModel model, Consumer<InProgressRelease> open) {
        TableView<InProgressRelease> table = new TableView<>();
        SortedRows.show(table, model.releases(), null);
        table.setId("overview-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths for the usual words at 1280×800 beside the workload list; every column resizes, every cell has a tooltip.
        table.getColumns().add(Columns.text("Workload", 185, r -> r.namespace() + " / " + r.deployment()));
        table.getColumns().add(Columns.text("Phase", 145, r -> ReleaseWords.outcome(r.release())));
        table.getColumns().add(Columns.text("Canary", 100, r -> ReleaseWords.canaryShort(r.release())));
        table.getColumns().add(Columns.text("Verdict", 75, r -> ReleaseWords.latestVerdict(r.release())));
        table.getColumns().add(TimeColumns.ago("Age", 75, r -> r.release().startedAt()));
        table.getColumns().add(Columns.text("Driven by", 130, r -> r.driver() == null ? "nobody" : r.driver()));
        table.setPlaceholder(new Label("No release in progress"));
        table.setRowFactory(t -> {
            TableRow<InProgressRelease> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        keepSelection(table, model);
        Columns.fitHeaders(table);
        TimeColumns.keepCurrent(table);
        return table;
    }
}
