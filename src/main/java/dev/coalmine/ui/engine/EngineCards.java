package dev.coalmine.ui.engine;

import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small parts the Rollout and Canary views share: bound labels, headings and workload cards. */
public final class EngineCards {
    private EngineCards() {
    }

    /** A wrapping label showing {@code text}, taking no room while empty. */
    public static Label boundLabel(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    /** A card: title, the object's name, replicas (id'd for tests), images and one line per pod, wrapped to fit. */
    public static VBox card(String id, String title, String name, String replicas, String images, List<String> pods) {
        Label replicasLabel = new Label(replicas);
        replicasLabel.setId(id + "-replicas");
        VBox card = new VBox(4, heading(title), wrapped(name, "text-muted"), replicasLabel, wrapped(images, "text-muted"));
        for (String pod : pods) {
            card.getChildren().add(wrapped(pod, "monospace"));
        }
        card.setId(id);
        card.getStyleClass().add("track-card");
        card.setPadding(new Insets(8));
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }
}
