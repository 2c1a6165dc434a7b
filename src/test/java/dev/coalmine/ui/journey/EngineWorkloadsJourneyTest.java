package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The workload list shows the demo's seeded Argo Rollout and Flagger Canary beside their Deployments, with phase and
 * weight; the Canary, which declares no gate webhooks, says why the console cannot steer it.
 */
class EngineWorkloadsJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void rolloutsAndCanariesAreListedAndAnUngatedCanarySaysWhyItCannotBeSteered(FxRobot robot) {
        Journeys.showNamespace(robot, "shop-engines", LONG);

        @SuppressWarnings("unchecked")
        TableView<WorkloadSummary> table = robot.lookup("#workload-table").queryAs(TableView.class);
        Eventually.assertThat(LONG, () -> assertThat(table.getItems()).extracting(WorkloadSummary::key)
                .contains("Deployment/checkout", "Rollout/checkout", "Deployment/search", "Canary/search"));
        Eventually.assertThat(LONG, () -> {
            WorkloadSummary rollout = table.getItems().stream().filter(w -> w.key().equals("Rollout/checkout"))
                    .findFirst().orElseThrow();
            assertThat(rollout.engine().orElseThrow().describe()).isEqualTo("Healthy \u00b7 0 %");
        });

        Journeys.select(robot, "search  [Canary]", "#flagger-headline");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#flagger-not-steerable").queryAs(Label.class).getText())
                .contains("Canary search cannot be steered from the console", "metrics alone",
                        "confirm-promotion", "/gate/check"));
        assertThat(robot.lookup("#flagger-gates").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).isEmpty();
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#flagger-headline").queryAs(Label.class).getText())
                .contains("Canary search", "0 %", "failed checks"));
    }
}
