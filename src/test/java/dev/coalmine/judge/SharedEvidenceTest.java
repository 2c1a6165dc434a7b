package dev.coalmine.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseEvidence;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One evidence per release per process: the automatic judge and the charts of an open release read the same
 * collections from the same metric source, so what the charts show is what was judged.
 */
class SharedEvidenceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final AutoJudgeCluster cluster = new AutoJudgeCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theChartsReceiveEveryCollectionTheJudgeJudged() {
        ReleaseService service = cluster.service("console");
        service.start(AutoJudgeCluster.plan(AutoJudgeCluster.HEALTHY,
                JudgeSettings.defaults(new MetricsLocation.DemoCluster())), false);
        Thread judgeThread = Thread.currentThread();
        List<Evidence> charted = new CopyOnWriteArrayList<>();
        List<Evidence> judged = new CopyOnWriteArrayList<>();

        try (ReleaseSession session = service.session(AutoJudgeCluster.NS, AutoJudgeCluster.APP)) {
            ReleaseEvidence evidence = session.openEvidence().orElseThrow();
            session.keep(evidence.subscribe(charted::add));
            session.keep(evidence.subscribe(collected -> {
                if (Thread.currentThread() == judgeThread) {
                    judged.add(collected);
                }
            }));

            ReleaseState afterChecks = session.drive(s -> s.analysis() != null && s.analysis().checks() >= 2, WAIT,
                    s -> { });

            assertThat(afterChecks.analysis().checks()).isGreaterThanOrEqualTo(2);
            assertThat(judged).as("every check the judge made reached the charts' listener")
                    .hasSizeGreaterThanOrEqualTo(afterChecks.analysis().checks());
            assertThat(charted).containsAll(judged);
            assertThat(charted.size()).as("the charts also refresh between checks").isGreaterThan(judged.size());
            Evidence lastJudged = judged.get(judged.size() - 1);
            assertThat(lastJudged.samples()).as("the judged collection carries the series the charts draw")
                    .isNotEmpty().allSatisfy(s -> assertThat(s.series()).isNotEmpty());
            assertThat(session.openEvidence()).as("the session hands out the one evidence of the release")
                    .containsSame(evidence);
        }
    }
}
