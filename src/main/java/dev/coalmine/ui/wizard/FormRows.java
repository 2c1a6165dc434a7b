package dev.coalmine.ui.wizard;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Label, field and its validation message in one grid row. */
final class FormRows {
    private FormRows() {
    }

    static TextField addField(GridPane grid, String label, String id, StringProperty value,
            ObservableStringValue problem) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPrefColumnCount(28);
        Label message = problemLabel(id + "-problem", problem);
        problem.addListener((obs, old, text) -> markInvalid(field, text));
        markInvalid(field, problem.get());
        grid.addRow(grid.getRowCount(), fieldLabel(label), field, message);
        return field;
    }

    static Label problemLabel(String id, ObservableStringValue problem) {
        Label message = new Label();
        message.setId(id);
        message.getStyleClass().add("field-problem");
        message.textProperty().bind(problem);
        message.setWrapText(true);
        message.setMaxWidth(360);
        return message;
    }

    static void markInvalid(TextField field, String problem) {
        field.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"),
                problem != null && !problem.isEmpty() && !problem.equals("unchanged"));
    }

    /** A field's name in a form's first column: never narrower than its text. */
    static Label fieldLabel(String text) {
        Label label = muted(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        return grid;
    }
}
