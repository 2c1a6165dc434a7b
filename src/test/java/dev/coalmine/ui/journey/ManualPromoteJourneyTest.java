package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Journey 1: wizard → start → AwaitingJudgment → Promote → Succeeded, stable on the new image. */
class ManualPromoteJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void wizardStartPromoteSucceeded(FxRobot robot) {
        Journeys.openWizard(robot, "shop-frontend");

        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0"));
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#wizard-start").queryButton().isDisabled()).isFalse());
        Eventually.assertThat(() -> assertThat(robot.lookup("#review-yaml").queryTextInputControl().getText())
                .contains("name: \"shop-frontend-canary\"", "image: \"registry.example.com/shop/frontend:1.4.0\"",
                        "name: \"shop-frontend-baseline\"", "coalmine.dev/track: \"baseline\""));
        robot.clickOn("#wizard-start");

        Journeys.awaitHeadline(robot, "waiting for your decision", LONG);
        robot.clickOn("#promote");
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = robot.lookup(".dialog-pane").query();
        assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText())
                .isEqualTo("Rolling update of shop-frontend (4 replicas) to frontend=registry.example.com/shop/frontend:1.4.0, "
                        + "then delete shop-frontend-canary and shop-frontend-baseline.");
        robot.clickOn("OK");

        Journeys.awaitHeadline(robot, "Succeeded", LONG);
        Deployment stable = console.client().apps().deployments().inNamespace("default").withName("shop-frontend").get();
        assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/frontend:1.4.0");
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withLabel("app.kubernetes.io/managed-by", "coalmine").list().getItems()).isEmpty());
    }
}
