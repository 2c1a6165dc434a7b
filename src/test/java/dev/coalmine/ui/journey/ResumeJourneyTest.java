package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.PauseStep;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;

/**
 * A weighted release paused for a person (started by a pipeline with {@code --pause-at 10}) is resumed from the
 * console: Resume shows up only while the step is paused, its confirmation says the next weight, and the ladder
 * goes on to it.
 */
class ResumeJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(120);

    @Test
    void aPausedStepIsResumedFromTheRolloutView(FxRobot robot) {
        Journeys.startFrontendFromPipeline(console.client(), new TrafficPlan(TrafficProvider.GATEWAY_API, null,
                List.of(10, 20), Duration.ofSeconds(1), List.of(new PauseStep(10, null)), false, null));

        Journeys.openListed(robot, Journeys.FRONTEND);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#resume").match(NodeMatchers.isVisible())
                .tryQuery()).as("paused at 10 %").isPresent());
        assertThat(text(robot, "#rollout-weight"))
                .isEqualTo("gateway-api: canary weight 10 % \u00b7 step 1 of 2 \u00b7 paused");

        robot.clickOn("#resume");
        Node dialog = robot.lookup(".dialog-pane").query();
        assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText())
                .isEqualTo("The canary gets 10 % of the requests to shop-frontend; Resume routes 20 % to it "
                        + "(step 2 of 2, gateway-api).");
        robot.clickOn("OK");

        Eventually.assertThat(LONG, () -> assertThat(text(robot, "#rollout-weight"))
                .isEqualTo("gateway-api: canary weight 20 % \u00b7 step 2 of 2"));
        Eventually.assertThat(() -> assertThat(robot.lookup("#resume").queryButton().isVisible()).isFalse());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
