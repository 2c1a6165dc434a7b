package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A namespace whose Deployments the operator may not list (the demo's RBAC rules refuse it as a real cluster would):
 * the list says why, once, and the status bar stops calling the namespace live.
 */
class ForbiddenListJourneyTest extends ConsoleJourney {

    @Test
    void aNamespaceWhoseDeploymentsMayNotBeListedSaysSoInTheListAndTheStatusBar(FxRobot robot) {
        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(statusBar(robot))
                .isEqualTo("Namespace default \u00b7 live"));
        console.client().configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata().addToData("deny", "list deployments.apps default").build()).create();

        robot.clickOn("#reconnect");

        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(robot.lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(text -> text.startsWith("Cannot watch Deployments in namespace "
                        + "default: forbidden (403): deployments.apps is forbidden") && text.endsWith("ask for RBAC permission")));
        assertThat(statusBar(robot)).isEqualTo("Namespace default \u00b7 not listed");
    }

    private static String statusBar(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
    }
}
