package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Journey 2: a faulty image with the automatic judge on the demo metrics ends Rejected, with the reason shown. */
class AutomaticRejectJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(120);

    @Test
    void aFaultyCanaryIsRejectedByTheJudge(FxRobot robot) {
        // At the default 20 requests/s a 3 s window holds ~10 canary requests: a 10 % faulty canary then passes a
        // check about a third of the time. 600/s puts hundreds in every window, so the verdict cannot be luck.
        new TrafficKnobs(console.client()).setRequestsPerSecond(600);
        Journeys.openWizard(robot, "shop-frontend");
        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0-faulty"));
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        robot.clickOn("#judge-automatic");
        TextField interval = robot.lookup("#interval").queryAs(TextField.class);
        robot.interact(() -> interval.setText("3s"));
        Journeys.next(robot);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#wizard-start").queryButton().isDisabled()).isFalse());
        robot.clickOn("#wizard-start");

        Journeys.awaitHeadline(robot, "Rejected", LONG);
        Eventually.assertThat(() -> assertThat(robot.lookup("#rollout-verdict").queryAs(Label.class).getText())
                .startsWith("Latest verdict: check ").contains(" failed on ").contains("success rate"));
        assertThat(robot.lookup("#verdict-table").queryTableView().getItems()).isNotEmpty();
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withLabel("app.kubernetes.io/managed-by", "coalmine").list().getItems()).isEmpty());
        assertThat(console.client().apps().deployments().inNamespace("default").withName("shop-frontend").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/frontend:1.3.0");
    }
}
