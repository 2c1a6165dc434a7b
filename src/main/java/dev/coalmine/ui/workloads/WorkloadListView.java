package dev.coalmine.ui.workloads;

import dev.coalmine.core.workload.EngineStatus;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.Columns;
import dev.coalmine.ui.SortedRows;
import dev.coalmine.ui.StyleClasses;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** The namespace's Deployments with replicas, readiness and images. */
public final class WorkloadListView extends VBox {
    public WorkloadListView(WorkloadListViewModel model) {
        getStyleClass().add("workload-list");
        setSpacing(8);
        setPadding(new Insets(10));

        Label title = new Label("Deployments");
        title.getStyleClass().add("title-4");

        TextField filter = TextFields.createClearableTextField();
        filter.setId("workload-filter");
        filter.setPromptText("Filter by name or image");
        filter.textProperty().bindBidirectional(model.filterProperty());

        TableView<WorkloadSummary> table = new TableView<>();
        SortedRows.show(table, model.visibleWorkloads(), WorkloadListViewModel.BY_NAME);
        table.setId("workload-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The name is what the operator looks for, so it gets the room first; images take what is left.
        TableColumn<WorkloadSummary, String> name = Columns.text("Name", 220, w -> w.name()
                + w.track().map(t -> "  [" + t + "]").orElse("") + w.engine().map(e -> "  [" + e.kind().resource() + "]").orElse(""));
        name.setId("workload-name");
        table.getColumns().add(name);
        // The details beside the list give these counts; the table's menu (+) shows the columns again.
        TableColumn<WorkloadSummary, Integer> upToDate = Columns.of("Up-to-date", 90, WorkloadSummary::updatedReplicas, String::valueOf);
        TableColumn<WorkloadSummary, Integer> available = Columns.of("Available", 80, WorkloadSummary::availableReplicas, String::valueOf);
        upToDate.setVisible(false);
        available.setVisible(false);
        table.setTableMenuButtonVisible(true);
        TableColumn<WorkloadSummary, WorkloadSummary> ready = new TableColumn<>("Ready");
        ready.setPrefWidth(65);
        ready.setMinWidth(65);
        ready.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        ready.setCellFactory(c -> new ReadinessCell());
        // Least ready first, as an operator looking for trouble wants them: the share of desired pods ready.
        ready.setComparator(Comparator.comparingDouble(WorkloadListView::readyShare)
                .thenComparingInt(WorkloadSummary::desiredReplicas));
        table.getColumns().add(ready);
        table.getColumns().addAll(List.of(upToDate, available));
        // Argo Rollouts and Flagger Canaries: phase and the canary's traffic weight.
        table.getColumns().add(Columns.text("Canary", 90, w -> w.engine().map(EngineStatus::describe).orElse("")));
        table.getColumns().add(Columns.text("Images", 120, WorkloadSummary::imagesText));
        Columns.fitHeaders(table);
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.emptyMessage());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        // A status update replaces the row's item, which clears the table's selection: the view-model keeps
        // the selected workload (it clears it only when the Deployment is deleted) and the row is selected again.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        model.selectedProperty().addListener((obs, old, item) -> {
            if (item != null && table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(title, filter, table);
    }


    private static double readyShare(WorkloadSummary w) {
        return w.desiredReplicas() == 0 ? 1 : (double) w.readyReplicas() / w.desiredReplicas();
    }

    /** "3/4", coloured by whether the Deployment is steady. */
    private static final class ReadinessCell extends TableCell<WorkloadSummary, WorkloadSummary> {
        private static final List<String> READINESS = List.of("ready-ok", "ready-progressing");

        @Override
        protected void updateItem(WorkloadSummary item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null;
            setText(none ? null : item.readiness());
            StyleClasses.choose(this, none ? null : item.isSteady() ? "ready-ok" : "ready-progressing", READINESS);
        }
    }
}
