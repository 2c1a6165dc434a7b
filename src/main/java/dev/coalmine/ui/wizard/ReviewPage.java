package dev.coalmine.ui.wizard;

import dev.coalmine.core.engine.Engine;
import javafx.util.StringConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Step 6: every object the release will create or change, and whether the dry run and RBAC allow it. */
final class ReviewPage extends VBox {
    /** @param shareWarning shown when a tiny stable gives the canary more requests than the size asked for */
    ReviewPage(WizardViewModel model, Label shareWarning) {
        super(10);
        TextArea yaml = new TextArea();
        yaml.setId("review-yaml");
        yaml.setEditable(false);
        yaml.getStyleClass().add("monospace");
        yaml.textProperty().bind(model.previewProperty().map(p -> p.map(ReviewContent::yaml).orElse("")));
        VBox.setVgrow(yaml, Priority.ALWAYS);

        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(yaml.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button save = new Button("Save as\u2026");
        save.setOnAction(e -> saveAs(yaml.getText(), model.workload().name() + "-canary.yaml"));
        copy.disableProperty().bind(yaml.textProperty().isEmpty());
        save.disableProperty().bind(yaml.textProperty().isEmpty());

        Label status = new Label();
        status.setId("review-status");
        status.setWrapText(true);
        status.textProperty().bind(model.reviewStatusProperty());
        Label share = new Label();
        share.setId("review-share");
        share.setWrapText(true);
        share.textProperty().bind(model.size().trafficShare());
        // A combo box lays its arrow beside the text; a choice box's arrow covered the end of the longest choice.
        ComboBox<Engine> engine = new ComboBox<>(model.engines());
        engine.setId("review-engine");
        engine.valueProperty().bindBidirectional(model.engineProperty());
        engine.setConverter(new StringConverter<>() {
            @Override
            public String toString(Engine e) {
                return e == null ? "" : switch (e) {
                    case COALMINE -> "Coalmine (this console drives it)";
                    case ARGO_ROLLOUTS -> "Argo Rollouts (runs in the cluster)";
                    case FLAGGER -> "Flagger (runs in the cluster)";
                };
            }

            @Override
            public Engine fromString(String text) {
                return null;
            }
        });
        engine.disableProperty().bind(model.busyProperty());
        Label ladder = new Label();
        ladder.setId("review-ladder");
        ladder.setWrapText(true);
        ladder.textProperty().bind(model.reviewLadderProperty());
        ladder.visibleProperty().bind(ladder.textProperty().isNotEmpty());
        ladder.managedProperty().bind(ladder.visibleProperty());
        Label notes = new Label();
        notes.setId("review-notes");
        notes.setWrapText(true);
        notes.textProperty().bind(model.previewProperty().map(p -> p.map(ReviewPage::asBullets).orElse("")));
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        VBox ratioOnly = new VBox(10, share, shareWarning);
        ratioOnly.visibleProperty().bind(ladder.visibleProperty().not());
        ratioOnly.managedProperty().bind(ratioOnly.visibleProperty());
        // The text under the YAML is read in full: the YAML area gives up the height, not the lines that explain it.
        for (Label explaining : List.of(ladder, share, notes, status)) {
            explaining.setMinHeight(USE_PREF_SIZE);
        }
        getChildren().addAll(new HBox(8, new Label("Run by:"), engine), new Label("What Start will create and change:"),
                yaml, new HBox(8, copy, save), ladder, ratioOnly, notes, status);
    }

    /** What the stable's shape means for the release, one point a line (capitalised: each starts a sentence here). */
    private static String asBullets(ReviewContent content) {
        return content.notes().stream().map(n -> "\u2022 " + Character.toUpperCase(n.charAt(0)) + n.substring(1) + ".")
                .collect(Collectors.joining("\n"));
    }

    private void saveAs(String text, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                Files.writeString(file.toPath(), text);
            } catch (IOException ex) {
                new Alert(Alert.AlertType.ERROR,
                        "Could not save " + file + ": " + ex.getMessage()).show();
            }
        }
    }
}
