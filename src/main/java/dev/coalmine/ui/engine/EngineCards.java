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

    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    /** A card: title, replicas (id'd for tests), images and one line per pod. */
    public static VBox card(String id, String title, String replicas, String images, List<String> pods) {
        Label replicasLabel = new Label(replicas);
        replicasLabel.setId(id + "-replicas");
        Label imagesLabel = new Label(images);
        imagesLabel.getStyleClass().add("text-muted");
        imagesLabel.setWrapText(true);
        VBox card = new VBox(4, heading(title), replicasLabel, imagesLabel);
        for (String pod : pods) {
            Label line = new Label(pod);
            line.getStyleClass().add("monospace");
            card.getChildren().add(line);
        }
        card.setId(id);
        card.getStyleClass().add("track-card");
        card.setPadding(new Insets(8));
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }
}
