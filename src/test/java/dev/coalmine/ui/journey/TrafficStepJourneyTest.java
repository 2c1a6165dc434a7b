package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The wizard's Traffic step on the demo cluster, which serves all four routers: the operator picks the Gateway API,
 * enters a ladder, sees it with its minimum time to promote, the review shows the HTTPRoute the release writes, and
 * once started the rollout view shows the weight ladder at its first step.
 */
class TrafficStepJourneyTest extends ConsoleJourney {

    @Test
    void aWeightedRouterIsChosenReviewedAndItsLadderFollowed(FxRobot robot) {
        Journeys.openWizard(robot, "shop-frontend");
        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(image::clear);
        robot.clickOn(image).write("registry.example.com/shop/frontend:1.4.0");
        Eventually.assertThat(() -> assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse());
        Journeys.next(robot);
        robot.clickOn("#baseline");
        Journeys.next(robot);

        Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(robot.lookup("#traffic-nginx").tryQuery())
                .as("the demo serves every router").isPresent());
        for (String provider : new String[] {"#traffic-replicas", "#traffic-gateway-api", "#traffic-istio",
                "#traffic-smi"}) {
            assertThat(robot.lookup(provider).tryQuery()).as(provider).isPresent();
        }
        assertThat(robot.lookup("#traffic-not-offered").queryAs(Label.class).isVisible()).isFalse();
        robot.clickOn("#traffic-gateway-api");
        TextField steps = robot.lookup("#traffic-steps").queryAs(TextField.class);
        robot.interact(steps::clear);
        robot.clickOn(steps).write("10,20");
        Eventually.assertThat(() -> assertThat(text(robot, "#traffic-ladder"))
                .isEqualTo("10 % \u2192 20 % \u2192 promote"));
        assertThat(text(robot, "#traffic-time-to-promote")).contains("minimum time to promote 1m");
        Journeys.next(robot);
        Journeys.next(robot);

        Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(robot.lookup("#review-yaml")
                .queryAs(TextArea.class).getText()).contains("kind: \"HTTPRoute\"", "shop-frontend-canary"));
        assertThat(text(robot, "#review-ladder")).contains("Weights: 10 % \u2192 20 %", "Minimum time to promote 1m");
        Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(robot.lookup("#wizard-start").queryButton()
                .isDisabled()).isFalse());
        robot.clickOn("#wizard-start");

        Eventually.assertThat(Duration.ofSeconds(120), () -> assertThat(text(robot, "#rollout-weight"))
                .isEqualTo("gateway-api: canary weight 10 % \u00b7 step 1 of 2"));
        assertThat(robot.lookup("#weight-ladder").queryAs(HBox.class).getChildren())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("\u25B6 10 %", "\u25CB 20 %", "\u25CB promote");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
