package dev.coalmine.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Label, field and its validation message in one grid row. */
final class FormRows {
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");
    private FormRows() {
    }

    static TextField addField(GridPane grid, String label, String id, StringProperty value,
            ObservableStringValue problem) {
        TextField field = field(id, value, problem);
        grid.addRow(grid.getRowCount(), fieldLabel(label), field, problemLabel(id + "-problem", problem));
        return field;
    }

    /**
     * For a long value such as an image reference, whose end (the tag) must stay in sight: the field takes the rest
     * of the row and its message goes below it, where a {@code note} (a neutral word such as "unchanged") is shown,
     * muted, while there is no problem.
     */
    static TextField addWideField(GridPane grid, String label, String id, StringProperty value,
            ObservableStringValue problem, ObservableStringValue note) {
        TextField field = field(id, value, problem);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label message = problemLabel(id + "-problem", Bindings.createStringBinding(
                () -> problem.get().isEmpty() ? note.get() : problem.get(), problem, note));
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.textProperty().addListener((obs, old, text) -> showsNote(message, problem));
        showsNote(message, problem);
        int row = grid.getRowCount();
        grid.add(fieldLabel(label), 0, row);
        grid.add(field, 1, row);
        grid.add(message, 1, row + 1);
        return field;
    }

    private static TextField field(String id, StringProperty value, ObservableStringValue problem) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPrefColumnCount(28);
        problem.addListener((obs, old, text) -> markInvalid(field, text));
        markInvalid(field, problem.get());
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
        field.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), problem != null && !problem.isEmpty());
    }

    private static void showsNote(Label message, ObservableStringValue problem) {
        message.pseudoClassStateChanged(NOTE, problem.get().isEmpty() && !message.getText().isEmpty());
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
