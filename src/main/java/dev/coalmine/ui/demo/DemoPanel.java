package dev.coalmine.ui.demo;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.FxTicker;
import dev.coalmine.ui.StyleClasses;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Shown only on the demo cluster: the trainer's request-rate dial, canary scenarios and scenario scripts. */
public final class DemoPanel extends TitledPane {
    private static final Duration TICK = Duration.ofMillis(250);

    public DemoPanel(DemoPanelViewModel model, ObservableObjectValue<WorkloadSummary> selected) {
        setText("Demo cluster controls");
        setId("demo-panel");
        setExpanded(false);

        Slider rate = new Slider(0, 200, model.requestsPerSecondProperty().get());
        rate.setId("demo-request-rate");
        rate.setShowTickLabels(true);
        rate.setMajorTickUnit(50);
        rate.valueProperty().bindBidirectional(model.requestsPerSecondProperty());
        HBox.setHgrow(rate, Priority.ALWAYS);
        Label rateValue = new Label();
        rateValue.setId("demo-request-rate-value");
        rateValue.setMinWidth(Region.USE_PREF_SIZE);
        rateValue.textProperty().bind(model.requestsPerSecondProperty().asString("%.0f req/s"));
        rate.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.applyRequestRate();
            }
        });

        ComboBox<DemoPanelViewModel.Scenario> scenario = new ComboBox<>(
                FXCollections.observableArrayList(DemoPanelViewModel.Scenario.values()));
        scenario.setId("demo-scenario");
        scenario.setValue(DemoPanelViewModel.Scenario.FAULTY);
        Button apply = new Button("Apply to canary");
        apply.setId("demo-apply");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(Bindings.isNull(selected));
        apply.setOnAction(e -> {
            WorkloadSummary workload = selected.get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.describe(scenario.getValue(), workload.name()),
                    ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Demo scenario: " + scenario.getValue());
            confirm.initOwner(getScene().getWindow());
            confirm.showAndWait().filter(ButtonType.OK::equals)
                    .ifPresent(b -> model.apply(scenario.getValue(), workload.namespace(), workload.name()));
        });
        Label status = new Label();
        status.setId("demo-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        Label hint = new Label("Scenarios and scripts act on the selected workload's canary.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox controls = new VBox(8, new Label("Requests per second per Service"), new HBox(8, rate, rateValue),
                new Label("Canary scenario"), new FlowPane(8, 8, scenario, apply), hint, status,
                scriptSection(model.scriptPlayer(selected)));
        setContent(controls);
    }

    /** Load a script, see its timeline, replay it: a training session runs the same every time. */
    private Node scriptSection(ScriptPlayer player) {
        TextField path = new TextField();
        path.setId("demo-script-path");
        path.setPromptText("training.yaml");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Browse\u2026");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario script", "*.yaml", "*.yml"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                path.setText(file.getAbsolutePath());
                player.load(file.toPath());
            }
        });
        Button load = new Button("Load");
        load.setId("demo-script-load");
        load.setMinWidth(Region.USE_PREF_SIZE);
        load.disableProperty().bind(path.textProperty().isEmpty());
        load.setOnAction(e -> player.load(Path.of(path.getText().strip())));

        ListView<ScriptPlayer.Entry> timeline = new ListView<>(player.timeline());
        timeline.setId("demo-script-timeline");
        timeline.getStyleClass().add("dense");
        timeline.setPrefHeight(110);
        timeline.setMinHeight(90); // three steps stay readable; the workload list above gives way
        timeline.setPlaceholder(new Label("Load a script to see its timeline"));
        timeline.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ScriptPlayer.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                StyleClasses.choose(this, empty || item == null ? null : switch (item.mark()) {
                    case DONE -> "phase-done";
                    case NEXT -> "phase-current";
                    case LATER -> "phase-todo";
                }, List.of("phase-done", "phase-current", "phase-todo"));
            }
        });

        FxTicker ticker = new FxTicker(TICK, player::tick);
        player.runningProperty().addListener((obs, was, running) -> ticker.running(running));
        Button start = new Button("Start script");
        start.setId("demo-script-start");
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.disableProperty().bind(Bindings.isEmpty(player.timeline()).or(player.runningProperty()));
        start.setOnAction(e -> player.start());
        Button stop = new Button("Stop");
        stop.setId("demo-script-stop");
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.disableProperty().bind(player.runningProperty().not());
        stop.setOnAction(e -> player.stop());
        Label scriptStatus = new Label();
        scriptStatus.setId("demo-script-status");
        scriptStatus.setWrapText(true);
        scriptStatus.setMinHeight(Region.USE_PREF_SIZE);
        scriptStatus.textProperty().bind(player.statusProperty());
        return new VBox(8, new Label("Scenario script"), new HBox(8, path, browse, load), timeline,
                new HBox(8, start, stop), scriptStatus);
    }
}
