package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.Eventually;
import org.testfx.util.NodeQueryUtils;
import dev.coalmine.ui.ClippedText;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After a release ends, and again after F5, the workload's history lists it and shows it read-only: outcome, who
 * decided, the automatic judge's verdicts and the step log, with no Promote or Reject.
 */
class ReleaseHistoryJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String APP = "shop-frontend";

    @Test
    void aFinishedReleaseStaysInTheHistoryAndOpensReadOnlyAfterF5(FxRobot robot) {
        new TrafficKnobs(console.client()).setRequestsPerSecond(600);
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withName(APP).get().getStatus().getAvailableReplicas()).isEqualTo(4));
        pipeline().start(faultyAutomaticRelease(), false);

        Eventually.assertThat(LONG, () -> assertThat(robot.lookup(APP).tryQuery()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(APP);
        Journeys.awaitHeadline(robot, "Rejected", LONG);

        robot.clickOn("#pages-history");
        assertTheRejectedReleaseShowsReadOnly(robot);
        assertTheChangeGetsTheExtraWidth(robot);

        robot.type(KeyCode.F5);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#release-history").tryQuery())
                .as("a reconnect starts again from the selected workload").isEmpty());
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#pages-history").tryQuery())
                .as(() -> "the still selected workload's release opens again: " + describe(robot)).isPresent());
        robot.clickOn("#pages-history");
        assertTheRejectedReleaseShowsReadOnly(robot);
    }

    private void assertTheRejectedReleaseShowsReadOnly(FxRobot robot) {
        Eventually.assertThat(LONG, () -> {
            TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
            assertThat(table.getItems()).hasSize(1);
            assertThat(cellText(robot, "#history-table", "Rejected")).isTrue();
            assertThat(cellText(robot, "#history-table", "reject by automatic judge")).isTrue();
        });
        Eventually.assertThat(() -> assertThat(robot.lookup("#record-headline").queryAs(Label.class).getText())
                .isEqualTo("Release 1 \u00b7 Rejected \u00b7 reject by automatic judge"));
        assertThat(robot.lookup("#record-why").queryAs(Label.class).getText()).startsWith("Why: 2 of 2 failed checks");
        assertThat(entries(robot, "#record-step-log")).anyMatch(l -> l.contains("deleting " + APP + "-canary"))
                .anyMatch(l -> l.contains("reject recorded by automatic judge"));
        robot.clickOn("Verdicts");
        assertThat(entries(robot, "#record-verdicts")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.contains("analysis check")).anyMatch(l -> l.contains("failed"));
        assertThat(robot.lookup("#promote").tryQuery()).as("read-only: no Promote").isEmpty();
        assertThat(robot.lookup("#reject").tryQuery()).as("read-only: no Reject").isEmpty();
        robot.clickOn("Step log");
    }

    /** With the workload list hidden the table is wide: "#" stays narrow and the change reads whole. */
    private static void assertTheChangeGetsTheExtraWidth(FxRobot robot) {
        robot.clickOn("#toggle-workloads");
        Eventually.assertThat(LONG, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
            assertThat(table.getWidth()).isGreaterThan(1200);
            assertThat(table.getColumns().get(0).getWidth()).as("#").isLessThanOrEqualTo(56);
            List<javafx.scene.control.Labeled> changes = robot.from(table).lookup(".table-cell")
                    .match(NodeQueryUtils.isVisible()).queryAllAs(javafx.scene.control.Labeled.class).stream()
                    .filter(c -> c instanceof javafx.scene.control.TableCell<?, ?> cell && !cell.isEmpty()
                            && cell.getTableColumn() != null && "history-change".equals(cell.getTableColumn().getId()))
                    .toList();
            assertThat(changes).extracting(javafx.scene.control.Labeled::getText).singleElement().asString()
                    .contains("frontend=");
            assertThat(ClippedText.isCut(changes.get(0))).as(changes.get(0).getText()).isFalse();
        });
        robot.clickOn("#toggle-workloads");
    }

    private static String describe(FxRobot robot) {
        javafx.scene.layout.StackPane area = robot.lookup("#content-area").queryAs(javafx.scene.layout.StackPane.class);
        return area.getChildren() + " problem=" + robot.lookup("#details-problem").tryQueryAs(Label.class)
                .map(Label::getText).orElse("-");
    }

    private static boolean cellText(FxRobot robot, String table, String text) {
        return robot.from(robot.lookup(table).queryAs(TableView.class)).lookup(".table-cell")
                .match(c -> c instanceof javafx.scene.control.Labeled l && text.equals(l.getText())).tryQuery().isPresent();
    }

    @SuppressWarnings("unchecked")
    private static List<String> entries(FxRobot robot, String id) {
        ListView<StepLogEntry> list = robot.lookup(id).queryAs(ListView.class);
        return list.getItems().stream().map(StepLogEntry::toString).toList();
    }

    private ReleaseService pipeline() {
        return new ReleaseService(console.client(), new ClusterCache(console.client()),
                ReleaseSettings.defaults("pipeline"), PrometheusAuth.none(),
                App.demoAddOn().detect(console.client()).metricSources());
    }

    private static ReleasePlan faultyAutomaticRelease() {
        JudgeSettings judge = JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(Duration.ofSeconds(3))
                // On a busy machine a window may hold too few requests: wait on, never for a human.
                .withAnalysis(AnalysisPolicy.defaults().withMaxFailedChecks(2).withPassingChecksToPromote(50)
                        .withMaxInconclusiveChecks(100));
        return ReleasePlan.ofImages("default", APP,
                        List.of(ImageChange.parse("frontend=registry.example.com/shop/frontend:1.4.0-faulty")),
                        CanarySize.count(1), true)
                .withJudge(JudgeSpec.automatic(judge)).withSteadyStateTimeout(Duration.ofSeconds(60));
    }
}
