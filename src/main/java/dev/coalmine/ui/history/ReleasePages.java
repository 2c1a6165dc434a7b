package dev.coalmine.ui.history;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A workload's two release pages, one click apart: its current release live (the rollout view) and its recorded
 * releases (the history), under a line naming the workload.
 */
public final class ReleasePages extends VBox {
    public ReleasePages(String namespace, String deployment, Node page, boolean historyShown, Runnable showRelease,
                        Runnable showHistory) {
        Label where = new Label(namespace + " / " + deployment);
        where.setId("pages-workload");
        where.getStyleClass().add("text-muted");
        where.setMinWidth(0);
        ToggleGroup group = new ToggleGroup();
        ToggleButton release = toggle("Release", "pages-release", "left-pill", group);
        ToggleButton history = toggle("History", "pages-history", "right-pill", group);
        group.selectToggle(historyShown ? history : release);
        // Selecting the page already shown does nothing; a click on it must not leave neither selected.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else if (now == history && !historyShown) {
                showHistory.run();
            } else if (now == release && historyShown) {
                showRelease.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(0, where, gap, release, history);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 0, 12));
        bar.getStyleClass().add("release-pages");
        VBox.setVgrow(page, Priority.ALWAYS);
        getChildren().setAll(bar, page);
    }

    private static ToggleButton toggle(String text, String id, String style, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.getStyleClass().add(style);
        button.setToggleGroup(group);
        return button;
    }
}
