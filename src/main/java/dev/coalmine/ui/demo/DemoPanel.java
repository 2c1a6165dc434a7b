package dev.coalmine.ui.demo;

import dev.coalmine.core.workload.WorkloadSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Shown only on the demo cluster: the trainer's request-rate dial and canary scenarios. */
public final class DemoPanel extends TitledPane {
    public DemoPanel(DemoPanelViewModel model, ObservableObjectValue<WorkloadSummary> selected) {
        setText("Demo cluster controls");
        setId("demo-panel");
        setExpanded(false);

        Slider rate = new Slider(0, 200, model.requestsPerSecondProperty().get());
        rate.setId("demo-request-rate");
        rate.setShowTickLabels(true);
        rate.setMajorTickUnit(50);
        rate.valueProperty().bindBidirectional(model.requestsPerSecondProperty());
        Label rateValue = new Label();
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
        status.textProperty().bind(model.statusProperty());
        Label hint = new Label("Scenarios act on the selected workload's canary.");
        hint.getStyleClass().add("text-muted");
        setContent(new VBox(8, new Label("Requests per second per Service"), new HBox(8, rate, rateValue),
                new Label("Canary scenario"), new HBox(8, scenario, apply), hint, status));
    }
}
