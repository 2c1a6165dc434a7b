package dev.coalmine.metrics;

import static dev.coalmine.metrics.ReleasePodsServer.CRASHING_CANARY_POD;
import static dev.coalmine.metrics.ReleasePodsServer.NS;
import static dev.coalmine.metrics.ReleasePodsServer.STABLE_POD;
import static dev.coalmine.metrics.ReleasePodsServer.UNRELATED_POD;
import static dev.coalmine.metrics.ReleasePodsServer.podMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KubernetesHealthSourceTest {
    private final ReleasePodsServer cluster = new ReleasePodsServer();
    private final KubernetesHealthSource source = new KubernetesHealthSource(cluster.client());

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void healthIsPerTrackFromPodStatus() {
        Map<Track, TrackHealth> health = source.health(NS, "shop");

        assertThat(health).containsOnlyKeys(Track.STABLE, Track.CANARY);
        TrackHealth stable = health.get(Track.STABLE);
        assertThat(stable.pods()).extracting(PodHealth::pod).containsExactlyInAnyOrder(STABLE_POD, "shop-7d9f-bbbbb");
        assertThat(stable.readyPods()).isEqualTo(2);
        assertThat(stable.restarts()).isZero();
        TrackHealth canary = health.get(Track.CANARY);
        assertThat(canary.pods()).hasSize(2);
        assertThat(canary.readyPods()).isEqualTo(1);
        assertThat(canary.restarts()).isEqualTo(4);
        assertThat(canary.oomKilledPods()).isEqualTo(1);
        assertThat(canary.pods()).filteredOn(p -> p.pod().equals(CRASHING_CANARY_POD)).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("CrashLoopBackOff"));
    }

    @Test
    void aReleaseThatDoesNotExistHasNoTracks() {
        assertThat(source.health(NS, "nothing")).isEmpty();
    }

    @Test
    void usageComesFromMetricsK8sIoForTheReleasesPodsOnly() {
        cluster.serveUsage(podMetrics(STABLE_POD, "250m", "64Mi"), podMetrics(CRASHING_CANARY_POD, "1500000n", "128974848"),
                podMetrics(UNRELATED_POD, "2", "1Gi"));

        List<PodUsage> usage = source.usage(new MetricTarget(NS, "shop", Duration.ofSeconds(30)));

        assertThat(usage).containsExactlyInAnyOrder(
                new PodUsage(STABLE_POD, Track.STABLE, 250.0, 64L * 1024 * 1024),
                new PodUsage(CRASHING_CANARY_POD, Track.CANARY, 1.5, 128974848L));
    }

    @Test
    void aClusterWithoutMetricsServerSaysSo() {
        cluster.refuseUsage(404);

        assertThatThrownBy(() -> source.usage(new MetricTarget(NS, "shop", Duration.ofSeconds(30))))
                .isInstanceOf(MetricsNotServedException.class)
                .hasMessageStartingWith("The cluster does not serve metrics.k8s.io (HTTP 404)")
                .hasMessageContaining("Install metrics-server");
    }
}
