package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A release waiting for a person costs the API server nothing while a console has it open: no process holds its
 * Lease meanwhile (so nothing is renewed), and the decision, whoever records it, is still carried out at once.
 */
class WaitingReleaseCostTest {
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final String CONSOLE = "coalmine-console-waiting";
    private static final Duration LEASE = Duration.ofMillis(1500);

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient console = AgentClient.of(cluster.clientConfig(), CONSOLE);

    @AfterEach
    void stop() {
        console.close();
        cluster.close();
    }

    @Test
    void aWaitingReleaseHoldsNoLeaseAndCostsNoRequests() throws Exception {
        ReleaseService pipeline = new ReleaseService(cluster.client(), ReleaseSettings.defaults("pipeline"));
        pipeline.start(ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("api=shop/api:9")), CanarySize.count(1),
                false), false);
        ReleaseService engine = new ReleaseService(console, new ClusterCache(console), ReleaseSettings.defaults("console")
                .withTiming(LEASE, Duration.ofMillis(100)), PrometheusAuth.none(), MetricSources.standard());
        AtomicReference<ReleaseStatus> shown = new AtomicReference<>();
        try (ReleaseSession release = engine.session(NS, APP)) {
            release.watch(shown::set);
            release.driveInBackground(problem -> { });
            Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(phase(shown))
                    .isEqualTo(new ReleasePhase.AwaitingJudgment()));
            Thread.sleep(LEASE.toMillis()); // the Lease given up on reaching the phase

            int from = cluster.requests().recent(CONSOLE).size();
            Thread.sleep(LEASE.multipliedBy(3).toMillis()); // a holder would renew nine times meanwhile
            assertThat(cluster.requests().recent(CONSOLE).stream().skip(from))
                    .as("requests of the console while the release waits").isEmpty();
            assertThat(shown.get().driver()).as("who holds the Lease while the release waits").isNull();

            pipeline.promote(NS, APP, "someone at a terminal");
            Eventually.assertThat(Duration.ofSeconds(60), () -> assertThat(phase(shown))
                    .isEqualTo(new ReleasePhase.Succeeded()));
        }
    }

    private static ReleasePhase phase(AtomicReference<ReleaseStatus> shown) {
        ReleaseStatus status = shown.get();
        return status == null ? null : status.current().map(s -> s.phase()).orElse(null);
    }
}
