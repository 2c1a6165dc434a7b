package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Journey 1: wizard → start → AwaitingJudgment → Promote → Succeeded, stable on the new image, and the step log shows
 * each line of the release once.
 */
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
        assertThat(robot.lookup("#review-notes").queryAs(Label.class).getText()).as("what the stable's shape means")
                .isEqualTo("\u2022 A rollout that makes no progress for 10m (stable's progressDeadlineSeconds) fails the "
                        + "release.");
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

        // Once it ended and cleaned up, the step log shows each line of the stored log once, in order (it used to
        // show the whole log again at the end).
        ReleaseService reader = new ReleaseService(console.client(), ReleaseSettings.defaults("journey-test"));
        Eventually.assertThat(LONG, () -> assertThat(stepLines(robot)).containsExactlyElementsOf(storedStepLog(reader)));
    }

    private static List<String> storedStepLog(ReleaseService reader) {
        List<ReleaseState> history = reader.history("default", "shop-frontend");
        return history.get(history.size() - 1).log().stream()
                .map(line -> "[" + line.stage().title() + "] " + line.message()).toList();
    }

    /** The engine's lines in the step-log tab (without the Deployments' rollout-status lines between them). */
    private static List<String> stepLines(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = new ArrayList<>();
        ListView<?> list = robot.lookup("#step-log-list").queryAs(ListView.class);
        robot.interact(() -> list.getItems().stream().map(RolloutLine.class::cast)
                .filter(line -> line.kind() == RolloutLine.Kind.STEP).forEach(line -> lines.add(line.text())));
        return lines;
    }
}
