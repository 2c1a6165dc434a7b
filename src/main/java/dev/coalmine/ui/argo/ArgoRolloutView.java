package dev.coalmine.ui.argo;

import dev.coalmine.core.argo.AnalysisRun;
import dev.coalmine.core.argo.ReplicaSetView;
import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutSnapshot;
import dev.coalmine.ui.Confirmation;
import dev.coalmine.ui.engine.EngineCards;
import dev.coalmine.ui.engine.EngineFeedTabs;
import dev.coalmine.ui.engine.EngineMetricsTab;
import eu.hansolo.tilesfx.Tile;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One Argo Rollout: its steps with the current one marked, why it is paused, the plugin's commands, stable and canary
 * ReplicaSets with their pods, and tabs for the AnalysisRuns (every measurement and verdict), Events and pod logs.
 */
public final class ArgoRolloutView extends VBox {
    private final ArgoRolloutViewModel model;
    private final VBox stepList = new VBox(2);
    private final HBox replicaSets = new HBox(10);
    private final TreeView<String> analysis = new TreeView<>(new TreeItem<>("AnalysisRuns"));
    private final Tile engineTile = EngineMetricsTab.engineTile("tile-rollout", "Argo Rollout");

    public ArgoRolloutView(OpenArgoRollout open) {
        super(10);
        this.model = open.model();
        setId("argo-rollout-view");
        setPadding(new Insets(12));

        Label headline = EngineCards.boundLabel("argo-headline", model.headlineProperty());
        headline.getStyleClass().add("title-4");
        Label pauses = EngineCards.boundLabel("argo-pauses", model.pausesProperty());
        Label message = EngineCards.boundLabel("argo-message", model.messageProperty());

        FlowPane buttons = new FlowPane(8, 6);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (RolloutCommand command : RolloutCommand.values()) {
            buttons.getChildren().add(button(command));
        }

        stepList.setId("argo-steps");
        stepList.setMinWidth(200);
        stepList.setPrefWidth(240);
        VBox steps = new VBox(6, EngineCards.heading("Steps"), stepList);
        replicaSets.setId("argo-replicasets");
        HBox.setHgrow(replicaSets, Priority.ALWAYS);
        HBox middle = new HBox(16, steps, replicaSets);

        analysis.setId("argo-analysis");
        analysis.setShowRoot(false);
        TabPane tabs = new TabPane();
        tabs.setId("argo-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(new Tab("Analysis", analysis));
        tabs.getTabs().add(EngineMetricsTab.of(open.metrics(), engineTile));
        tabs.getTabs().add(EngineFeedTabs.events(open.feeds()));
        tabs.getTabs().add(EngineFeedTabs.podLogs(open.feeds(), "argo-pod-logs", "Logs appear when the Rollout's pods run"));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(headline, buttons, pauses, message, middle, tabs);
        model.steps().addListener((ListChangeListener<StepRow>) c -> showSteps());
        model.snapshotProperty().addListener((obs, old, s) -> showSnapshot(s));
        showSteps();
        showSnapshot(model.snapshotProperty().get());
    }

    private Button button(RolloutCommand command) {
        Button button = new Button(command.label());
        button.setId("argo-" + command.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (command == RolloutCommand.PROMOTE || command == RolloutCommand.PROMOTE_FULL) {
            button.getStyleClass().add("success");
        } else if (command == RolloutCommand.ABORT) {
            button.getStyleClass().add("danger");
        }
        button.disableProperty().bind(model.canRun(command).not());
        button.setOnAction(e -> model.prepare(command, plan -> Confirmation.ask(this,
                command.label() + " " + model.name(), command.label() + " Rollout " + model.name() + "?",
                model.confirmation(command, plan), () -> model.run(plan))));
        return button;
    }

    /** A pod by the part of its name after its ReplicaSet's ("…-56mxz  Running, ready"): the card names the set. */
    private static String podLine(ReplicaSetView rs, ReplicaSetView.PodView pod) {
        String line = pod.describe();
        return line.startsWith(rs.name() + "-") ? "\u2026" + line.substring(rs.name().length()) : line;
    }

    private void showSteps() {
        stepList.getChildren().clear();
        for (StepRow row : model.steps()) {
            Label line = new Label(row.text());
            line.setWrapText(true);
            line.getStyleClass().add("step-" + row.mark().name().toLowerCase(Locale.ROOT));
            if (row.mark() == StepRow.Mark.CURRENT) {
                line.getStyleClass().add("text-bold");
            }
            stepList.getChildren().add(line);
        }
    }

    private void showSnapshot(RolloutSnapshot snapshot) {
        replicaSets.getChildren().clear();
        analysis.getRoot().getChildren().clear();
        if (snapshot == null) {
            return;
        }
        EngineMetricsTab.showEngine(engineTile, snapshot.rollout().phase(), snapshot.rollout().canaryWeight());
        for (ReplicaSetView.Role role : new ReplicaSetView.Role[] {ReplicaSetView.Role.STABLE, ReplicaSetView.Role.CANARY}) {
            replicaSets.getChildren().add(snapshot.withRole(role)
                    .map(rs -> EngineCards.card("argo-rs-" + role.name().toLowerCase(Locale.ROOT),
                            role.name().toLowerCase(Locale.ROOT), "ReplicaSet " + rs.name(),
                            rs.ready() + "/" + rs.replicas() + " ready", String.join("\n", rs.images()),
                            rs.pods().stream().map(pod -> podLine(rs, pod)).toList()))
                    .orElseGet(() -> EngineCards.card("argo-rs-" + role.name().toLowerCase(Locale.ROOT),
                            role.name().toLowerCase(Locale.ROOT), "", "no ReplicaSet", "", java.util.List.of())));
        }
        for (AnalysisRun run : snapshot.analysisRuns()) {
            TreeItem<String> runItem = new TreeItem<>(run.name() + "  " + run.phase()
                    + (run.message().isEmpty() ? "" : "  \u2013 " + run.message()));
            for (AnalysisRun.Metric metric : run.metrics()) {
                TreeItem<String> metricItem = new TreeItem<>(metric.name() + "  " + metric.phase() + "  (" + metric.tally()
                        + ")");
                for (AnalysisRun.Measurement m : metric.measurements()) {
                    metricItem.getChildren().add(new TreeItem<>(m.phase() + "  value " + (m.value().isEmpty() ? "\u2013" : m.value())
                            + (m.finishedAt().isEmpty() ? "" : "  at " + m.finishedAt())
                            + (m.message().isEmpty() ? "" : "  " + m.message())));
                }
                metricItem.setExpanded(true);
                runItem.getChildren().add(metricItem);
            }
            runItem.setExpanded(true);
            analysis.getRoot().getChildren().add(runItem);
        }
        if (snapshot.analysisRuns().isEmpty()) {
            analysis.getRoot().getChildren().add(new TreeItem<>("No AnalysisRun yet: one starts at an analysis step"));
        }
    }
}
