package dev.coalmine.ui.workloads;

import dev.coalmine.core.workload.WorkloadSummary;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected Deployment, or a hint on what to do when none is selected. Built once and updated in place,
 * so live status updates never replace a button under the operator's pointer.
 */
public final class WorkloadDetailsView extends StackPane {
    private final Label empty = new Label("Select a Deployment to see its replicas and images\nand to start a canary release.");
    private final Label title = new Label();
    private final Label namespace = value();
    private final Label replicas = value();
    private final Label state = value();
    private final Label images = value();
    private final Label problem = new Label();
    private final VBox details;
    private WorkloadSummary shown;

    public WorkloadDetailsView(WorkloadListViewModel model, Consumer<WorkloadSummary> onStart) {
        getStyleClass().add("workload-details");
        setPadding(new Insets(16));
        empty.getStyleClass().add("text-muted");
        empty.setId("details-empty");
        title.getStyleClass().add("title-2");
        problem.setId("details-problem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, key("Namespace"), namespace);
        facts.addRow(1, key("Replicas"), replicas);
        facts.addRow(2, key("State"), state);
        facts.addRow(3, key("Images"), images);
        Button start = new Button("Start canary\u2026");
        start.setId("start-canary");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> onStart.accept(shown));
        details = new VBox(12, title, facts, start, problem);
        details.setId("workload-details");
        model.selectedProperty().addListener((obs, old, workload) -> show(workload));
        show(model.selectedProperty().get());
    }

    private void show(WorkloadSummary workload) {
        if (workload == null) {
            shown = null;
            getChildren().setAll(empty);
            return;
        }
        if (shown == null || !shown.name().equals(workload.name())) {
            problem.setText("");
        }
        shown = workload;
        title.setText(workload.name() + workload.track().map(t -> "  (" + t + ")").orElse(""));
        namespace.setText(workload.namespace());
        replicas.setText(workload.desiredReplicas() + " desired, " + workload.readyReplicas() + " ready, "
                + workload.updatedReplicas() + " up-to-date, " + workload.availableReplicas() + " available");
        state.setText(workload.isSteady() ? "Steady" : "Rolling out or unhealthy");
        images.setText(String.join("\n", workload.containers().stream()
                .map(c -> c.label() + ": " + c.image()).toList()));
        if (getChildren().size() != 1 || getChildren().get(0) != details) {
            getChildren().setAll(details);
        }
    }

    /** Shows a problem below the details (for example, the release state could not be read). */
    public void showProblem(String text) {
        problem.setText(text);
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label value() {
        Label label = new Label();
        label.setWrapText(true);
        return label;
    }
}
