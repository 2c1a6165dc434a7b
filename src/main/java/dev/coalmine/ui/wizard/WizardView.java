package dev.coalmine.ui.wizard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The canary wizard as it sits in the console's content area. */
public final class WizardView extends BorderPane {
    private final WizardPages pages;
    private final VBox stepList = new VBox(6);
    private final Label heading = new Label();

    public WizardView(WizardViewModel model, Runnable onCancel) {
        getStyleClass().add("wizard");
        setId("wizard");
        pages = new WizardPages(model);

        stepList.getStyleClass().add("wizard-steps");
        stepList.setPadding(new Insets(16));
        stepList.setMinWidth(150);
        setLeft(stepList);

        heading.getStyleClass().add("title-3");
        heading.setId("wizard-heading");

        Button cancel = new Button("Cancel");
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Button back = new Button("_Back");
        back.setId("wizard-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(model.stepProperty().isEqualTo(WizardStep.WORKLOAD).or(model.busyProperty()));
        Button next = new Button("_Next");
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canGoNext().not());
        next.visibleProperty().bind(model.stepProperty().isNotEqualTo(WizardStep.REVIEW));
        next.managedProperty().bind(next.visibleProperty());
        Button start = new Button("_Start canary");
        start.setId("wizard-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> model.start());
        start.disableProperty().bind(model.canStart().not());
        start.visibleProperty().bind(model.stepProperty().isEqualTo(WizardStep.REVIEW));
        start.managedProperty().bind(start.visibleProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, gap, cancel, back, next, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 16, 12, 16));
        buttons.getStyleClass().add("wizard-buttons");
        setBottom(buttons);

        model.stepProperty().addListener((obs, old, step) -> show(step, model));
        show(model.stepProperty().get(), model);
    }

    private void show(WizardStep step, WizardViewModel model) {
        stepList.getChildren().clear();
        for (WizardStep s : WizardStep.values()) {
            Label item = new Label((s.ordinal() + 1) + "  " + s.title());
            item.getStyleClass().add(s == step ? "wizard-step-current" : s.ordinal() < step.ordinal()
                    ? "wizard-step-done" : "wizard-step-todo");
            stepList.getChildren().add(item);
        }
        heading.setText("Canary release of " + model.workload().name() + " \u2014 " + step.title());
        VBox content = new VBox(16, heading, pages.page(step));
        content.setPadding(new Insets(16));
        if (step == WizardStep.REVIEW) {
            VBox.setVgrow(content.getChildren().get(1), Priority.ALWAYS);
            setCenter(content);
        } else {
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            setCenter(scroll);
        }
    }
}
