package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.engines.EngineApis;
import dev.coalmine.testing.ArgoRollouts;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Rollout view's Promote and Abort buttons move an Argo Rollout through its pause steps, carried out by the demo
 * cluster's simulated Argo Rollouts controller: Promote from the first pause to the second, Abort there back to stable
 * (Degraded, 0 %); each shows the plugin's patch before it is sent.
 */
class ArgoRolloutJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String ROLLOUT = ArgoRollouts.ofDeployment("web", 4, """
            steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {}
              - setWeight: 75
            """);

    /** Only this test's Rollout: on a loaded machine the seeded shop's simulation slows every controller down. */
    @Override
    protected ConsoleFixture fixture() throws java.io.IOException {
        return new ConsoleFixture(dev.coalmine.demo.DemoOptions.defaults().empty());
    }

    @Test
    void promoteMovesThroughThePauseStepsAndAbortGoesBackToStable(FxRobot robot) {
        console.client().apps().deployments().inNamespace("default")
                .resource(Deployments.of("default", "web", 4, "registry.example.com/shop/web:1.0.0")).create();
        console.client().genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace("default").resource(
                console.client().getKubernetesSerialization().unmarshal(ROLLOUT, GenericKubernetesResource.class)).create();

        Journeys.select(robot, "web  [Rollout]", "#argo-headline");
        awaitHeadline(robot, "Healthy \u00b7 step 5/5 \u00b7 0 %");

        setImage("registry.example.com/shop/web:1.1.0");
        awaitHeadline(robot, "Paused \u00b7 step 2/5 \u00b7 25 %");
        confirm(robot, "#argo-promote", "PATCH rollouts/web/status  {\"status\":{\"pauseConditions\":null}}");
        awaitHeadline(robot, "Paused \u00b7 step 4/5 \u00b7 50 %");
        Eventually.assertThat(() -> assertThat(steps(robot)).startsWith("\u2714 1. setWeight 25",
                "\u2714 2. pause (until promoted)", "\u2714 3. setWeight 50", "\u25B6 4. pause (until promoted)"));
        confirm(robot, "#argo-abort", "PATCH rollouts/web/status  {\"status\":{\"abort\":true}}");
        awaitHeadline(robot, "Degraded");
        Eventually.assertThat(LONG, () -> assertThat(labelText(robot, "#argo-headline")).endsWith("0 %"));
        Eventually.assertThat(() -> assertThat(robot.lookup("#argo-retry").queryButton().isDisabled()).isFalse());
        Eventually.assertThat(() -> assertThat(steps(robot)).contains("\u2716 4. pause (until promoted)"));
    }

    /** As kubectl set image; a 409 (the simulated controllers wrote the Deployment meanwhile) is tried again. */
    private void setImage(String image) {
        Eventually.assertThat(() -> console.client().apps().deployments().inNamespace("default").withName("web")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                    return d;
                }));
    }

    /** Clicks the button, checks the confirmation previews the patch, and confirms. */
    private static void confirm(FxRobot robot, String button, String preview) {
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup(button).match(NodeQueryUtils.isVisible())
                .queryButton().isDisabled()).isFalse());
        robot.clickOn(button);
        Eventually.assertThat(() -> assertThat(robot.lookup(".dialog-pane").match(NodeQueryUtils.isVisible())
                .tryQuery()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = robot.lookup(".dialog-pane").query();
        assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText()).contains(preview);
        robot.clickOn(robot.from(dialog).lookup(".button").match(NodeQueryUtils.hasText("OK"))
                .match(NodeQueryUtils.isVisible()).queryButton());
    }

    private static java.util.List<String> steps(FxRobot robot) {
        return robot.lookup("#argo-steps").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private void awaitHeadline(FxRobot robot, String text) {
        Eventually.assertThat(LONG, () -> assertThat(labelText(robot, "#argo-headline"))
                .as(() -> "message: " + labelText(robot, "#argo-message") + "; Rollout status: "
                        + console.client().genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace("default")
                                .withName("web").get().getAdditionalProperties().get("status")
                        + "; image: " + console.client().apps().deployments().inNamespace("default").withName("web").get()
                                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .contains(text));
    }

    private static String labelText(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("(not shown)");
    }
}
