package dev.coalmine.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rollout view's step log gets each line of the release's log once, also after the release has ended. */
class StepLogOnceTest {
    private final AutoJudgeCluster cluster = new AutoJudgeCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aReleaseThatEndsDoesNotRepeatItsStepLog() throws InterruptedException {
        ReleaseService service = cluster.service("console");
        service.start(AutoJudgeCluster.plan(AutoJudgeCluster.FAULTY,
                JudgeSettings.defaults(new MetricsLocation.DemoCluster())), false);
        List<RolloutLine> lines = new CopyOnWriteArrayList<>();

        try (ReleaseSession session = service.session(AutoJudgeCluster.NS, AutoJudgeCluster.APP)) {
            session.followRollout(lines::add);
            ReleaseState ended = session.drive(s -> s.phase().terminal(), AutoJudgeCluster.WAIT, s -> { });
            assertThat(ended.phase()).isEqualTo(new ReleasePhase.Rejected());
            Thread.sleep(3_000); // the last snapshots reach the feed

            List<String> steps = lines.stream().filter(l -> l.kind() == RolloutLine.Kind.STEP).map(RolloutLine::text)
                    .toList();
            assertThat(steps).as("each step-log line once").doesNotHaveDuplicates()
                    .hasSize(ended.log().size());
        }
    }
}
