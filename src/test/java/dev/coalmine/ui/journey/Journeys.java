package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Steps several journeys share. */
final class Journeys {
    static final String FRONTEND = "shop-frontend";
    private static final String NOT_SHOWN = "(not shown)";

    private Journeys() {
    }

    /**
     * Once shop-frontend's stable pods are ready, starts a weighted release of frontend 1.4.0 (one canary pod, with a
     * baseline) routed by {@code traffic}, as a pipeline would: the console finds it running.
     */
    static void startFrontendFromPipeline(KubernetesClient client, TrafficPlan traffic) {
        Eventually.assertThat(Duration.ofSeconds(120), () -> assertThat(client.apps().deployments()
                .inNamespace("default").withName(FRONTEND).get().getStatus().getReadyReplicas()).isPositive());
        new ReleaseService(client, ReleaseSettings.defaults("pipeline (cli)")).start(ReleasePlan.ofImages("default",
                FRONTEND, List.of(ImageChange.parse("frontend=registry.example.com/shop/frontend:1.4.0")),
                CanarySize.count(1), true).withTraffic(traffic), false);
    }

    /** Waits for the workload to be listed, then selects it (showing its release, if it has one). */
    static void openListed(FxRobot robot, String workload) {
        Eventually.assertThat(Duration.ofSeconds(120), () -> assertThat(robot.lookup(workload).tryQuery()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(workload);
    }

    /** Waits for the workload to be listed and steady, selects it and opens the wizard. */
    static void openWizard(FxRobot robot, String workload) {
        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(robot.lookup(".table-row-cell")
                .match(row -> row.toString().contains(workload) || containsText(row, workload)).tryQuery()).isPresent());
        // A click can land while a status update re-renders the row; click again until the details show.
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(workload);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#start-canary").tryQuery()).isPresent();
        });
        robot.clickOn("#start-canary");
        Eventually.assertThat(() -> assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse());
    }

    /**
     * Clicks the wizard's Next and waits for the next page; a click that lands while the button is still disabled (a
     * page validating) or while the window re-renders is repeated, and never once the page has changed.
     */
    static void next(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String before = labelText(robot, "#wizard-heading");
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            if (labelText(robot, "#wizard-heading").equals(before)) {
                robot.clickOn("#wizard-next");
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(labelText(robot, "#wizard-heading")).as("the page after " + before).isNotEqualTo(before)
                    .isNotEqualTo(NOT_SHOWN);
        });
    }

    /** A wizard page's text field, once the page shows it (a click on Next switches pages a moment later). */
    static TextField field(FxRobot robot, String id) {
        Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(robot.lookup(id).tryQuery())
                .as(() -> "on the page " + labelText(robot, "#wizard-heading")).isPresent());
        return robot.lookup(id).queryAs(TextField.class);
    }

    /** Once the connection bar offers namespaces (within {@code timeout}), shows namespace {@code name}, as a pick would. */
    static void showNamespace(FxRobot robot, String name, Duration timeout) {
        Eventually.assertThat(timeout, () -> assertThat(robot.lookup("#namespace-choice").tryQuery()).isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> namespace = robot.lookup("#namespace-choice").queryAs(ComboBox.class);
        robot.interact(() -> {
            namespace.setValue(name);
            namespace.fireEvent(new ActionEvent());
        });
    }

    /** Waits for a row showing {@code text}, clicks it until {@code shown} (a node of the view it opens) is there. */
    static void select(FxRobot robot, String text, String shown) {
        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(robot.lookup(".table-row-cell .table-cell")
                .match(cell -> cell instanceof javafx.scene.control.Labeled l && text.equals(l.getText())).tryQuery())
                .isPresent());
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(text);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup(shown).tryQuery()).isPresent();
        });
    }

    /** Waits for the rollout headline; a timeout also tells what the view's message line said (e.g. a drive error). */
    static void awaitHeadline(FxRobot robot, String text, Duration timeout) {
        Eventually.assertThat(timeout, () -> assertThat(labelText(robot, "#rollout-headline"))
                .as(() -> "rollout message: " + labelText(robot, "#rollout-message")).contains(text));
    }

    private static String labelText(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse(NOT_SHOWN);
    }

    private static boolean containsText(javafx.scene.Node row, String text) {
        return row instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null
                && r.getItem().toString().contains(text);
    }
}
