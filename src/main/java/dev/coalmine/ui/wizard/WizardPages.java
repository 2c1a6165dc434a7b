package dev.coalmine.ui.wizard;

import dev.coalmine.core.workload.WorkloadSummary;
import java.io.File;
import dev.coalmine.metrics.QueryPreset;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The content of each wizard step, built from the view-model's properties. */
final class WizardPages {
    private final WizardViewModel model;

    WizardPages(WizardViewModel model) {
        this.model = model;
    }

    Node page(WizardStep step) {
        return switch (step) {
            case WORKLOAD -> workload();
            case VERSION -> version();
            case SIZE -> size();
            case TRAFFIC -> new TrafficPage(model, shareWarning("traffic-share-warning"));
            case JUDGE -> judge();
            case REVIEW -> new ReviewPage(model, shareWarning("review-share-warning"));
        };
    }

    private Node workload() {
        WorkloadSummary w = model.workload();
        GridPane grid = FormRows.grid();
        grid.addRow(0, FormRows.fieldLabel("Deployment"), new Label(w.namespace() + "/" + w.name()));
        grid.addRow(1, FormRows.fieldLabel("Replicas"), new Label(w.readiness() + " ready, " + w.availableReplicas() + " available"));
        for (WorkloadSummary.ContainerImage c : w.containers()) {
            grid.addRow(grid.getRowCount(), FormRows.fieldLabel("Container " + c.label()), new Label(c.image()));
        }
        Label unfinished = FormRows.problemLabel("unfinished-release", model.unfinishedProperty());
        unfinished.setMaxWidth(640);
        Label hint = new Label(w.isSteady() ? "The stable Deployment is steady: a good moment to start a canary."
                : "The stable Deployment is not steady yet; its readiness will be compared with the canary's.");
        hint.setWrapText(true);
        return new VBox(16, grid, hint, unfinished);
    }

    private Node version() {
        GridPane grid = FormRows.grid();
        for (VersionStep.ContainerField field : model.version().fields()) {
            FormRows.addWideField(grid, field.label(), "image-" + field.container(), field.imageProperty(), field.problem(),
                    field.note());
        }
        grid.disableProperty().bind(model.version().useManifestProperty());
        CheckBox useManifest = new CheckBox("Use a manifest file instead (a new Deployment with its ConfigMaps or Secrets)");
        useManifest.setId("use-manifest");
        useManifest.selectedProperty().bindBidirectional(model.version().useManifestProperty());
        TextField path = new TextField();
        path.setId("manifest-path");
        path.setPromptText("/path/to/deployment.yaml");
        path.setPrefColumnCount(36);
        path.textProperty().bindBidirectional(model.version().manifestPathProperty());
        Button browse = new Button("Browse\u2026");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File file = chooser.showOpenDialog(path.getScene().getWindow());
            if (file != null) {
                path.setText(file.getAbsolutePath());
            }
        });
        HBox manifest = new HBox(8, path, browse);
        manifest.disableProperty().bind(useManifest.selectedProperty().not());
        Label message = FormRows.problemLabel("version-problem", model.version().message());
        return new VBox(16, new Label("The canary runs these images; the baseline and stable keep the current ones."),
                grid, useManifest, manifest, message);
    }

    private Node size() {
        SizeStep size = model.size();
        ToggleGroup mode = new ToggleGroup();
        RadioButton percent = radio("Percentage of stable replicas", "size-percent", mode);
        RadioButton count = radio("Number of pods", "size-count", mode);
        mode.selectToggle(size.modeProperty().get() == SizeStep.Mode.COUNT ? count : percent);
        mode.selectedToggleProperty().addListener((obs, old, t) ->
                size.modeProperty().set(t == count ? SizeStep.Mode.COUNT : SizeStep.Mode.PERCENT));
        GridPane grid = FormRows.grid();
        FormRows.addField(grid, "Canary size", "size-amount", size.amountProperty(), size.problem());
        Label replicas = new Label();
        replicas.setId("size-replicas");
        replicas.textProperty().bind(size.replicas());
        CheckBox baseline = new CheckBox("Run a baseline");
        baseline.setId("baseline");
        baseline.selectedProperty().bindBidirectional(size.baselineProperty());
        Label why = FormRows.muted("A baseline is a fresh copy of the current version, the same size as the canary and "
                + "started at the same time, so the comparison is new pods against new pods: warm-up, caches and "
                + "noisy neighbours affect both equally.");
        why.setWrapText(true);
        return new VBox(14, new HBox(18, percent, count), grid, replicas, shareWarning("size-share-warning"), baseline,
                why);
    }

    /** The size step's warning when a tiny stable gives the canary more requests than asked; hidden when none. */
    private Label shareWarning(String id) {
        Label warning = FormRows.problemLabel(id, model.size().shareWarning());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        return warning;
    }

    private Node judge() {
        JudgeStep judge = model.judge();
        ToggleGroup who = new ToggleGroup();
        RadioButton manual = radio("Manual: I promote or reject", "judge-manual", who);
        RadioButton automatic = radio("Automatic: promote on passing checks, reject on failing ones", "judge-automatic", who);
        who.selectToggle(judge.automaticProperty().get() ? automatic : manual);
        who.selectedToggleProperty().addListener((obs, old, t) -> judge.automaticProperty().set(t == automatic));
        GridPane metrics = metricsGrid(judge);
        GridPane decision = FormRows.grid();
        FormRows.addField(decision, "Min success rate (%)", "min-success-rate", judge.minSuccessRateProperty(), judge.minSuccessRateProblem());
        FormRows.addField(decision, "Max latency (ms)", "max-latency", judge.maxLatencyMsProperty(), judge.maxLatencyProblem());
        FormRows.addField(decision, "Min requests per check", "min-requests", judge.minRequestsProperty(), judge.minRequestsProblem());
        FormRows.addField(decision, "Analysis interval", "interval", judge.intervalProperty(), judge.intervalProblem());
        FormRows.addField(decision, "Failed-check limit", "max-failed-checks", judge.maxFailedChecksProperty(), judge.maxFailedChecksProblem());
        FormRows.addField(decision, "Passing checks in a row", "passing-checks", judge.passingChecksProperty(), judge.passingChecksProblem());
        FormRows.addField(decision, "Min analysis duration", "min-analysis-duration", judge.minAnalysisDurationProperty(),
                judge.minAnalysisDurationProblem());
        Label decides = FormRows.muted("The judge promotes after the passing checks in a row, and not before the minimum "
                + "analysis duration; it rejects at the failed-check limit.");
        decides.setWrapText(true);
        VBox settings = new VBox(14, section("Where the metrics come from"), metrics, testConnection(judge),
                section("When the judge decides"), decision, decides);
        settings.disableProperty().bind(judge.automaticProperty().not());
        return new VBox(14, new VBox(8, manual, automatic), settings);
    }

    private static GridPane metricsGrid(JudgeStep judge) {
        ComboBox<JudgeStep.Source> source = new ComboBox<>(FXCollections.observableArrayList(JudgeStep.Source.values()));
        source.setId("metric-source");
        source.valueProperty().bindBidirectional(judge.sourceProperty());
        GridPane grid = FormRows.grid();
        grid.addRow(0, FormRows.fieldLabel("Metric source"), source);
        TextField location = FormRows.addField(grid, "Prometheus", "prometheus-location", judge.locationProperty(), judge.locationProblem());
        BooleanBinding notPrometheus = Bindings.createBooleanBinding(() -> !judge.prometheus(), judge.sourceProperty());
        location.disableProperty().bind(notPrometheus);
        ComboBox<QueryPreset> preset = new ComboBox<>(FXCollections.observableArrayList(QueryPreset.values()));
        preset.setId("metrics-preset");
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueryPreset p) {
                return p == null ? "" : p.id();
            }

            @Override
            public QueryPreset fromString(String id) {
                return QueryPreset.parse(id);
            }
        });
        preset.valueProperty().bindBidirectional(judge.queries().presetProperty());
        preset.disableProperty().bind(notPrometheus);
        Label presetText = FormRows.muted("");
        presetText.setId("metrics-preset-description");
        presetText.setWrapText(true);
        presetText.setMaxWidth(360);
        presetText.textProperty().bind(Bindings.createStringBinding(() -> judge.prometheus()
                ? judge.queries().presetProperty().get().description()
                : "The demo's metrics are read directly: success rate and p99 latency", judge.sourceProperty(),
                judge.queries().presetProperty()));
        grid.addRow(grid.getRowCount(), FormRows.fieldLabel("Query preset"), preset, presetText);
        TextArea custom = new TextArea();
        custom.setId("custom-queries");
        custom.setPrefRowCount(3);
        custom.setPrefColumnCount(28);
        custom.setPromptText("NAME=PROMQL, one a line, e.g.\nerrors=sum(rate(http_requests_total{code=~\"5..\","
                + "track=\"{{track}}\"}[{{interval}}]))");
        custom.textProperty().bindBidirectional(judge.queries().customProperty());
        custom.disableProperty().bind(notPrometheus);
        Label customProblem = FormRows.problemLabel("custom-queries-problem", judge.queries().problem());
        grid.addRow(grid.getRowCount(), FormRows.fieldLabel("Custom queries"), custom, customProblem);
        Label placeholders = FormRows.muted("Placeholders: " + JudgeQueries.PLACEHOLDERS + ". success-rate or latency "
                + "replaces the preset's query.");
        placeholders.setWrapText(true);
        placeholders.setMaxWidth(560);
        grid.add(placeholders, 1, grid.getRowCount(), 2, 1);
        return grid;
    }

    private Node testConnection(JudgeStep judge) {
        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.setMinWidth(Region.USE_PREF_SIZE);
        test.setOnAction(e -> model.testMetrics());
        test.disableProperty().bind(judge.locationProblem().isNotEmpty().or(judge.queries().problem().isNotEmpty()));
        Label result = new Label();
        result.setId("test-connection-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(model.metricsTestProperty());
        return new VBox(8, test, result);
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("title-4");
        return label;
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        return button;
    }
}
