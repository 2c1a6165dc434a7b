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
import java.util.concurrent.atomic.AtomicReference;
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
        AtomicReference<ReleaseStatus> shown = new AtomicReference<>();

        try (ReleaseSession session = service.session(AutoJudgeCluster.NS, AutoJudgeCluster.APP)) {
            session.watch(shown::set);
            session.driveInBackground(problem -> { });

            Eventually.assertThat(Duration.ofSeconds(150), () -> {
                TrackStatus canary = shown.get().canary();
                assertThat(canary.worstState()).as("canary %s of %s", canary, shown.get().current()
                        .map(r -> r.phase() + " " + r.log()).orElse(null)).contains("CrashLoopBackOff");
                assertThat(canary.restarts()).isPositive();
                assertThat(canary.readyReplicas()).isZero();
                assertThat(canary.pods()).singleElement().satisfies(p -> assertThat(p.ready()).isFalse());
            });
            assertThat(shown.get().stable().pods()).as("the stable pods are listed too").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.state()).isEqualTo("Running"));
        }
    }
}
