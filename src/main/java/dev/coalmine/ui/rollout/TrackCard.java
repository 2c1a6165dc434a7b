package dev.coalmine.ui.rollout;

import dev.coalmine.kube.release.PodSummary;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.ui.StyleClasses;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One track's card: readiness, restarts and the worst pod state, live, with the pods listed on demand. Readiness
 * counts the pods themselves, so a pod in CrashLoopBackOff is never shown as ready. Each image reads whole where it
 * fits, else by its last part and tag.
 */
final class TrackCard extends VBox {
    private final Label replicas = new Label();
    private final Label health = new Label();
    private final VBox images = new VBox(2);
    private final Hyperlink podsToggle = new Hyperlink();
    private final Label podList = new Label();
    private TrackStatus shown = TrackStatus.absent();

    TrackCard(String name) {
        super(4);
        Label title = new Label(name);
        title.getStyleClass().add("text-bold");
        replicas.setId("track-" + name);
        health.setId("track-" + name + "-health");
        images.setId("track-" + name + "-images");
        podsToggle.setId("track-" + name + "-pods-toggle");
        podsToggle.setOnAction(e -> showPods(!podList.isVisible()));
        podList.setId("track-" + name + "-pods");
        podList.getStyleClass().add("monospace");
        podList.setWrapText(true);
        podList.setVisible(false);
        podList.managedProperty().bind(podList.visibleProperty());
        health.managedProperty().bind(health.visibleProperty());
        podsToggle.managedProperty().bind(podsToggle.visibleProperty());
        getChildren().addAll(title, replicas, health, images, podsToggle, podList);
        getStyleClass().add("track-card");
        setPadding(new Insets(8));
        setMaxWidth(Double.MAX_VALUE);
        setMinWidth(0);
        setPrefWidth(0); // the three cards share the row equally, whatever each one says
    }

    void show(TrackStatus track) {
        shown = track;
        replicas.setText(track.exists() ? track.readyReplicas() + "/" + track.replicas() + " ready" : "not running");
        String worst = track.worstState().orElse("");
        int restarts = track.restarts();
        health.setText(!track.exists() || track.pods().isEmpty() ? ""
                : worst + " \u00b7 " + restarts + (restarts == 1 ? " restart" : " restarts"));
        health.setVisible(!health.getText().isEmpty());
        boolean trouble = track.pods().stream().anyMatch(p -> p.severity() == 2) || restarts > 0;
        StyleClasses.choose(health, trouble ? "line-error"
                : track.pods().stream().anyMatch(p -> p.severity() == 1) ? "line-unclear" : null,
                List.of("line-error", "line-unclear"));
        if (!track.images().equals(images.getChildren().stream().map(n -> ((ImageName) n).reference()).toList())) {
            images.getChildren().setAll(track.images().stream().map(ImageName::new).toList());
        }
        podsToggle.setVisible(!track.pods().isEmpty());
        showPods(podList.isVisible() && !track.pods().isEmpty());
    }

    private void showPods(boolean visible) {
        podList.setVisible(visible);
        podsToggle.setText((visible ? "\u25BE " : "\u25B8 ") + shown.pods().size() + " pod" + (shown.pods().size() == 1 ? "" : "s"));
        podList.setText(shown.pods().stream().map(TrackCard::podLine).collect(Collectors.joining("\n")));
    }

    private static String podLine(PodSummary pod) {
        return pod.name() + "  " + (pod.ready() ? "ready" : "not ready") + "  " + pod.state() + "  "
                + pod.restarts() + (pod.restarts() == 1 ? " restart" : " restarts");
    }
}
