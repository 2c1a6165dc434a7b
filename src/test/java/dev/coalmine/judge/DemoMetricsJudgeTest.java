package dev.coalmine.judge;

import static dev.coalmine.judge.AutoJudgeCluster.APP;
import static dev.coalmine.judge.AutoJudgeCluster.NS;
import static dev.coalmine.judge.AutoJudgeCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.RecordedVerdict;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.kube.release.ReleaseService;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The automatic judge on the demo cluster's own metrics, read directly without Prometheus ({@code source=demo}). */
class DemoMetricsJudgeTest {
    private static final JudgeSettings DEMO_METRICS = JudgeSettings.defaults(new MetricsLocation.DemoCluster());
    private final AutoJudgeCluster cluster = new AutoJudgeCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theDemoAdvertisesItsMetricsPageInTheCluster() {
        assertThat(DemoEndpoints.metricsUrl(cluster.demo.client())).isEqualTo(cluster.demo.metricsUrl());
    }

    @Test
    void aFaultyCanaryIsRejectedAndASecondDriverContinuesTheCount() {
        ReleaseService first = cluster.service("first");
        first.start(AutoJudgeCluster.plan(AutoJudgeCluster.FAULTY, DEMO_METRICS), false);
        List<Integer> checksSeen = new CopyOnWriteArrayList<>();

        ReleaseState afterOneFail = first.drive(NS, APP, s -> s.analysis() != null && s.analysis().failedChecks() == 1,
                WAIT, s -> s.latestVerdict().map(RecordedVerdict::check).filter(c -> !checksSeen.contains(c))
                        .ifPresent(checksSeen::add));
        assertThat(afterOneFail.phase()).isEqualTo(new ReleasePhase.Analysing());
        assertThat(afterOneFail.latestVerdict().orElseThrow().outcome()).isEqualTo(Verdict.Outcome.FAIL);
        int checksByFirst = afterOneFail.analysis().checks();

        // "first" is gone (its run ended); a new process picks the release up where it stood.
        ReleaseState done = cluster.service("second").drive(NS, APP, s -> false, WAIT,
                s -> s.latestVerdict().map(RecordedVerdict::check).filter(c -> !checksSeen.contains(c)).ifPresent(checksSeen::add));

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Rejected());
        assertThat(done.analysis().failedChecks()).isEqualTo(2);
        assertThat(done.analysis().checks()).as("the second driver went on counting").isEqualTo(checksByFirst + 1);
        assertThat(checksSeen).isEqualTo(java.util.stream.IntStream.rangeClosed(1, done.analysis().checks()).boxed().toList());
        assertThat(done.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        assertThat(done.decision().reason()).contains("2 of 2 failed checks").contains("success rate");
        RecordedVerdict verdict = done.latestVerdict().orElseThrow();
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("canary success rate") && r.contains("below the minimum 99.0 %"));
        cluster.assertStableRuns("registry.example.com/shop/frontend:1.3.0");

        List<Event> events = cluster.demo.client().v1().events().inNamespace(NS).list().getItems();
        assertThat(events).filteredOn(e -> e.getMessage() != null && e.getMessage().contains("analysis check " + done.analysis().checks() + " failed"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getReportingComponent()).isEqualTo("coalmine");
                });
    }

    @Test
    void aHealthyCanaryIsPromoted() {
        ReleaseService service = cluster.service("driver");
        service.start(AutoJudgeCluster.plan(AutoJudgeCluster.HEALTHY, DEMO_METRICS), false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).as(() -> String.join("\n", done.log().stream().map(Object::toString).toList()))
                .isEqualTo(new ReleasePhase.Succeeded());
        assertThat(done.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        assertThat(done.latestVerdict().orElseThrow().outcome()).isEqualTo(Verdict.Outcome.PASS);
        assertThat(done.latestVerdict().orElseThrow().score()).isEqualTo(100.0);
        cluster.assertStableRuns(AutoJudgeCluster.HEALTHY);
    }
}
