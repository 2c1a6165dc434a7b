package dev.coalmine.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an open release publishes follows the pods as they change: a canary in CrashLoopBackOff is published as not
 * ready, with its restarts and state, without anybody asking again (the track pods are watched from the cache).
 */
class CrashLoopingCanaryStatusTest {
    private static final String CRASHING = "registry.example.com/shop/frontend:1.4.0-crashloop";
    private final AutoJudgeCluster cluster = new AutoJudgeCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theCanarysPodStateReachesTheWatchersLive() {
        ReleaseService service = cluster.service("console");
        service.start(AutoJudgeCluster.plan(CRASHING, JudgeSettings.defaults(new MetricsLocation.DemoCluster()))
                .withSteadyStateTimeout(Duration.ofMinutes(5)), false);
        List<ReleaseStatus> shown = new CopyOnWriteArrayList<>();

        try (ReleaseSession session = service.session(AutoJudgeCluster.NS, AutoJudgeCluster.APP)) {
            session.watch(shown::add);
            session.driveInBackground(problem -> { });

            // The release fails on the crash loop and deletes its canary soon after: the state shown in between counts.
            Eventually.assertThat(Duration.ofSeconds(150), () -> assertThat(shown).as(() -> "canary as shown: "
                    + shown.stream().map(s -> s.canary().toString()).toList()).anySatisfy(status -> {
                        TrackStatus canary = status.canary();
                        assertThat(canary.worstState()).contains("CrashLoopBackOff");
                        assertThat(canary.restarts()).isPositive();
                        assertThat(canary.readyReplicas()).isZero();
                        assertThat(canary.pods()).singleElement().satisfies(p -> assertThat(p.ready()).isFalse());
                    }));
            assertThat(shown.get(shown.size() - 1).stable().pods()).as("the stable pods are listed too").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.state()).isEqualTo("Running"));
        }
    }
}
