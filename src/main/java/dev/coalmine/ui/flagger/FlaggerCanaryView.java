package dev.coalmine.ui.flagger;

import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.core.flagger.Steering;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.Confirmation;
import dev.coalmine.ui.engine.EngineCards;
import dev.coalmine.ui.engine.EngineFeedTabs;
import dev.coalmine.ui.engine.EngineMetricsTab;
import eu.hansolo.tilesfx.Tile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One Flagger Canary: phase, canary weight against the maximum, failed checks against the threshold, iterations,
 * conditions, primary and canary Deployments, and the load tester's gate calls its webhooks allow, or why the
 * console cannot steer it.
 */
public final class FlaggerCanaryView extends VBox {
    private final FlaggerCanaryViewModel model;
    private final FlowPane gates = new FlowPane(8, 6);
    private final Label notSteerable = new Label();
    private final Label limits = new Label();
    private final ProgressBar weight = new ProgressBar(0);
    private final ProgressBar checks = new ProgressBar(0);
    private final Label weightText = new Label();
    private final Label checksText = new Label();
    private final HBox deployments = new HBox(10);
    private final VBox conditions = new VBox(2);
    private final Tile engineTile = EngineMetricsTab.engineTile("tile-canary", "Flagger Canary");

    public FlaggerCanaryView(OpenFlaggerCanary open) {
        super(10);
        this.model = open.model();
        setId("flagger-canary-view");
        setPadding(new Insets(12));

        Label headline = EngineCards.boundLabel("flagger-headline", model.headlineProperty());
        headline.getStyleClass().add("title-4");
        Label details = EngineCards.boundLabel("flagger-details", model.detailsProperty());
        details.getStyleClass().add("text-muted");
        Label message = EngineCards.boundLabel("flagger-message", model.messageProperty());
        notSteerable.setId("flagger-not-steerable");
        notSteerable.setWrapText(true);
        notSteerable.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notSteerable.getStyleClass().add("field-problem");
        limits.setId("flagger-limits");
        limits.setWrapText(true);
        limits.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        limits.getStyleClass().add("text-muted");
        gates.setId("flagger-gates");
        gates.setAlignment(Pos.CENTER_LEFT);

        weight.setId("flagger-weight");
        checks.setId("flagger-checks");
        weightText.setId("flagger-weight-text");
        checksText.setId("flagger-checks-text");
        VBox gauges = new VBox(4, EngineCards.heading("Canary weight"), bar(weight, weightText),
                EngineCards.heading("Failed checks"), bar(checks, checksText));
        gauges.setMinWidth(240);
        deployments.setId("flagger-deployments");
        HBox.setHgrow(deployments, Priority.ALWAYS);
        HBox middle = new HBox(16, gauges, deployments);

        conditions.setId("flagger-conditions");
        conditions.setPadding(new Insets(8));
        TabPane tabs = new TabPane();
        tabs.setId("flagger-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(EngineMetricsTab.of(open.metrics(), engineTile));
        tabs.getTabs().add(EngineFeedTabs.events(open.feeds()));
        tabs.getTabs().add(EngineFeedTabs.podLogs(open.feeds(), "flagger-pod-logs",
                "Logs appear when the primary's and the canary's pods run"));
        tabs.getTabs().add(new Tab("Conditions", conditions));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(headline, details, gates, notSteerable, limits, message, middle, tabs);
        model.steeringProperty().addListener((obs, old, s) -> showSteering(s));
        model.snapshotProperty().addListener((obs, old, s) -> showSnapshot(s));
        showSteering(model.steeringProperty().get());
        showSnapshot(model.snapshotProperty().get());
    }

    private static HBox bar(ProgressBar bar, Label text) {
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(8, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showSteering(Steering steering) {
        gates.getChildren().clear();
        notSteerable.setText("");
        limits.setText("");
        if (steering instanceof Steering.NotSteerable not) {
            notSteerable.setText(not.why());
        } else if (steering instanceof Steering.Steerable can) {
            can.actions().forEach(action -> gates.getChildren().add(button(action)));
            limits.setText(String.join("\n", can.limits()));
        }
        for (Label label : List.of(notSteerable, limits)) {
            label.setManaged(!label.getText().isEmpty());
            label.setVisible(label.isManaged());
        }
    }

    private Button button(GateAction action) {
        Button button = new Button(action.kind().label());
        button.setId("flagger-" + action.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (action.kind() == GateAction.Kind.OPEN_ROLLBACK) {
            button.getStyleClass().add("danger");
        } else if (action.kind() == GateAction.Kind.OPEN_GATE) {
            button.getStyleClass().add("success");
        }
        button.disableProperty().bind(model.busyProperty());
        button.setOnAction(e -> Confirmation.ask(this, action.kind().label() + " " + model.name(),
                action.kind().label() + " for Canary " + model.name() + "?", action.preview(), () -> model.call(action)));
        return button;
    }

    private void showSnapshot(CanarySnapshot snapshot) {
        deployments.getChildren().clear();
        conditions.getChildren().clear();
        if (snapshot == null) {
            return;
        }
        var canary = snapshot.canary();
        EngineMetricsTab.showEngine(engineTile, canary.phase(), canary.canaryWeight());
        int max = canary.analysis().maxWeight() > 0 ? canary.analysis().maxWeight() : 100;
        weight.setProgress(Math.min(1.0, canary.canaryWeight() / (double) max));
        weightText.setText(canary.canaryWeight() + " % of " + max + " %");
        int threshold = Math.max(1, canary.analysis().threshold());
        checks.setProgress(Math.min(1.0, canary.failedChecks() / (double) threshold));
        checksText.setText(canary.failedChecks() + " of " + canary.analysis().threshold());
        deployments.getChildren().add(card("flagger-primary", "primary", canary.primaryName(), snapshot.primary()));
        deployments.getChildren().add(card("flagger-canary", "canary", canary.targetName(), snapshot.target()));
        for (String condition : model.conditions()) {
            conditions.getChildren().add(new Label(condition));
        }
        if (model.conditions().isEmpty()) {
            conditions.getChildren().add(new Label("No conditions reported yet"));
        }
    }

    private static VBox card(String id, String title, String name, Optional<WorkloadSummary> deployment) {
        return deployment.map(d -> EngineCards.card(id, title, "Deployment " + name, d.readiness() + " ready",
                        d.imagesText(), List.of()))
                .orElseGet(() -> EngineCards.card(id, title, "Deployment " + name, "not there", "", List.of()));
    }
}
