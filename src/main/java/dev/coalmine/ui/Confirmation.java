package dev.coalmine.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The console's one question before it changes the cluster: what will happen, Cancel or OK. */
public final class Confirmation {
    private Confirmation() {
    }

    /** Shows {@code whatHappens} in a modal dialog over {@code owner}'s window; runs {@code onOk} if the operator agrees. */
    public static void ask(Node owner, String title, String question, String whatHappens, Runnable onOk) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, whatHappens, ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(question);
        alert.getDialogPane().setMinWidth(560);
        alert.initOwner(owner.getScene().getWindow());
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> onOk.run());
    }
}
