package dev.coalmine.ui.workloads;

import dev.coalmine.core.workload.WorkloadSummary;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected Deployment, or a hint on what to do when none is selected. */
public final class WorkloadDetailsView extends StackPane {
    private final VBox details = new VBox(12);
    private final Label empty = new Label("Select a Deployment to see its replicas and images\nand to start a canary release.");

    public WorkloadDetailsView(WorkloadListViewModel model) {
        getStyleClass().add("workload-details");
        setPadding(new Insets(16));
        empty.getStyleClass().add("text-muted");
        empty.setId("details-empty");
        details.setId("workload-details");
        model.selectedProperty().addListener((obs, old, workload) -> show(workload));
        show(model.selectedProperty().get());
    }

    private void show(WorkloadSummary workload) {
        if (workload == null) {
            getChildren().setAll(empty);
            return;
        }
        Label title = new Label(workload.name());
        title.getStyleClass().add("title-2");
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        int row = 0;
        facts.addRow(row++, key("Namespace"), value(workload.namespace()));
        facts.addRow(row++, key("Replicas"), value(workload.desiredReplicas() + " desired, "
                + workload.readyReplicas() + " ready, " + workload.updatedReplicas() + " up-to-date, "
                + workload.availableReplicas() + " available"));
        facts.addRow(row++, key("State"), value(workload.isSteady() ? "Steady" : "Rolling out or unhealthy"));
        facts.addRow(row++, key("Images"), value(String.join("\n", workload.images())));
        workload.track().ifPresent(t -> facts.addRow(facts.getRowCount(), key("Coalmine track"), value(t)));
        details.getChildren().setAll(title, facts);
        getChildren().setAll(details);
    }

    private static Node key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Node value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
