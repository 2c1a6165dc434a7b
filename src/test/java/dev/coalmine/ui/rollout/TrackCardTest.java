package dev.coalmine.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.PodSummary;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.ui.ClippedText;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A track card shows readiness counted from the pods, restarts and the worst pod state, and lists the pods on demand. */
@ExtendWith(ApplicationExtension.class)
class TrackCardTest {
    private TrackCard card;

    @Start
    void start(Stage stage) {
        card = new TrackCard("canary");
        stage.setScene(new Scene(card, 400, 250));
        stage.show();
    }

    @Test
    void aCrashLoopingCanaryIsNotShownAsReadyAndItsPodsAreListedOnDemand(FxRobot robot) {
        // As TrackStatus.of counts readiness from the pods while the Deployment's status may still say 1 ready.
        robot.interact(() -> card.show(new TrackStatus(true, 1, 0, List.of("shop/frontend:1.4.0-crash"), List.of(
                new PodSummary("shop-frontend-canary-7d9f-x2", false, 5, "CrashLoopBackOff")))));

        assertThat(label(robot, "#track-canary").getText()).isEqualTo("0/1 ready");
        Label health = label(robot, "#track-canary-health");
        assertThat(health.getText()).isEqualTo("CrashLoopBackOff \u00b7 5 restarts");
        assertThat(health.getStyleClass()).contains("line-error");
        assertThat(robot.lookup("#track-canary-pods").query().isVisible()).isFalse();

        robot.clickOn("#track-canary-pods-toggle");

        assertThat(robot.lookup("#track-canary-pods").query().isVisible()).isTrue();
        assertThat(label(robot, "#track-canary-pods").getText())
                .isEqualTo("shop-frontend-canary-7d9f-x2  not ready  CrashLoopBackOff  5 restarts");

        robot.interact(() -> card.show(new TrackStatus(true, 1, 1, List.of("shop/frontend:1.4.1"), List.of(
                new PodSummary("shop-frontend-canary-8a1c-k4", true, 0, PodSummary.RUNNING)))));
        assertThat(label(robot, "#track-canary").getText()).isEqualTo("1/1 ready");
        assertThat(label(robot, "#track-canary-health").getText()).isEqualTo("Running \u00b7 0 restarts");
        assertThat(label(robot, "#track-canary-health").getStyleClass()).doesNotContain("line-error");
        assertThat(label(robot, "#track-canary-pods").getText()).as("the list stays open and follows the pods")
                .startsWith("shop-frontend-canary-8a1c-k4  ready  Running");
    }

    @Test
    void aDeletedTrackSaysSo(FxRobot robot) {
        robot.interact(() -> card.show(TrackStatus.absent()));

        assertThat(label(robot, "#track-canary").getText()).isEqualTo("not running");
        assertThat(robot.lookup("#track-canary-health").query().isVisible()).isFalse();
        assertThat(robot.lookup("#track-canary-pods-toggle").query().isVisible()).isFalse();
    }

    @Test
    void aLongImageReadsWholeWhereItFitsElseByItsNameAndTagNeverCutWithTheWholeInItsTooltip(FxRobot robot) {
        String image = "registry.example.com/shop/frontend:1.4.0";
        robot.interact(() -> {
            card.getScene().getWindow().setWidth(160);
            card.show(new TrackStatus(true, 1, 1, List.of(image), List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label name = robot.lookup(".track-image").queryAs(Label.class);
        assertThat(name.getText()).isEqualTo("frontend:1.4.0");
        assertThat(name.getTooltip().getText()).isEqualTo(image);
        assertNothingClipped(robot);

        robot.interact(() -> card.getScene().getWindow().setWidth(600));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".track-image").queryAs(Label.class).getText()).isEqualTo(image);
        assertNothingClipped(robot);
    }

    private void assertNothingClipped(FxRobot robot) {
        AtomicReference<List<String>> problems = new AtomicReference<>();
        robot.interact(() -> problems.set(ClippedText.in(card.getScene())));
        assertThat(problems.get()).isEmpty();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }
}
