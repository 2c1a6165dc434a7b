package dev.coalmine.judge;

import static dev.coalmine.judge.AutoJudgeCluster.APP;
import static dev.coalmine.judge.AutoJudgeCluster.NS;
import static dev.coalmine.judge.AutoJudgeCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.metrics.PrometheusProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The automatic judge through a real Prometheus scraping the demo cluster's metrics page (preset demo). */
class PrometheusJudgeTest {
    private final AutoJudgeCluster cluster = new AutoJudgeCluster();
    private PrometheusProcess prometheus;
    private JudgeSettings judge;

    @BeforeEach
    void startPrometheus() throws IOException {
        prometheus = PrometheusProcess.start(List.of(cluster.metricsTarget()), Duration.ofSeconds(1));
        prometheus.await("the first scrape of the demo", Duration.ofSeconds(60), () -> {
            String answer = prometheus.query("http_requests_total");
            return answer != null && answer.contains("shop-frontend");
        });
        judge = JudgeSettings.defaults(new MetricsLocation.PrometheusUrl(prometheus.baseUrl().toString()))
                .withPreset("demo");
    }

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        cluster.close();
    }

    @Test
    void aFaultyCanaryIsRejectedForItsSuccessRate() {
        ReleaseService service = cluster.service("driver");
        service.start(AutoJudgeCluster.plan(AutoJudgeCluster.FAULTY, judge), false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).as(() -> log(done)).isEqualTo(new ReleasePhase.Rejected());
        assertThat(done.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        assertThat(done.latestVerdict().orElseThrow().outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(done.latestVerdict().orElseThrow().reasons())
                .anyMatch(r -> r.startsWith("canary success rate") && r.contains("below the minimum 99.0 %"));
        assertThat(done.log()).anyMatch(l -> l.message().startsWith("rejected by automatic judge")
                && l.message().contains("success rate"));
        cluster.assertStableRuns("registry.example.com/shop/frontend:1.3.0");
    }

    @Test
    void aHealthyCanaryIsPromoted() {
        ReleaseService service = cluster.service("driver");
        service.start(AutoJudgeCluster.plan(AutoJudgeCluster.HEALTHY, judge), false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).as(() -> log(done)).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(done.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        assertThat(done.analysis().consecutivePasses()).isEqualTo(3);
        cluster.assertStableRuns(AutoJudgeCluster.HEALTHY);
    }

    private static String log(ReleaseState state) {
        return String.join("\n", state.log().stream().map(Object::toString).toList());
    }
}
