package dev.coalmine.metrics;

import static dev.coalmine.metrics.ReleasePodsServer.CRASHING_CANARY_POD;
import static dev.coalmine.metrics.ReleasePodsServer.NS;
import static dev.coalmine.metrics.ReleasePodsServer.RUNNING_CANARY_POD;
import static dev.coalmine.metrics.ReleasePodsServer.STABLE_POD;
import static dev.coalmine.metrics.ReleasePodsServer.podMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvidenceCollectorTest {
    private static final MetricTarget SHOP = new MetricTarget(NS, "shop", Duration.ofSeconds(30));
    private static final long MIB = 1024L * 1024;

    private final ReleasePodsServer cluster = new ReleasePodsServer();
    private final EvidenceCollector kubernetesOnly = new EvidenceCollector(Optional.empty(),
            Optional.of(new KubernetesHealthSource(cluster.client())));

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void evidenceCarriesCpuAndMemoryPerTrackWhenMetricsK8sIoIsServed() {
        cluster.serveUsage(podMetrics(STABLE_POD, "250m", "64Mi"), podMetrics(CRASHING_CANARY_POD, "100m", "32Mi"),
                podMetrics(RUNNING_CANARY_POD, "50m", "16Mi"));

        Evidence evidence = collect(kubernetesOnly);

        assertThat(evidence.usage()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Track.STABLE, new TrackUsage(Track.STABLE, 1, 250, 64 * MIB),
                Track.CANARY, new TrackUsage(Track.CANARY, 2, 150, 48 * MIB)));
        assertThat(evidence.sourceErrors()).isEmpty();
        assertThat(evidence.reading().restarts()).isEqualTo(4);
    }

    @Test
    void withoutMetricsServerThereIsNoUsageNoErrorAndNoSecondAsking() throws InterruptedException {
        cluster.refuseUsage(404);

        Evidence first = collect(kubernetesOnly);
        Evidence second = collect(kubernetesOnly);

        assertThat(first.usage()).isEmpty();
        assertThat(first.sourceErrors()).isEmpty();
        assertThat(second.usage()).isEmpty();
        assertThat(second.reading().restarts()).isEqualTo(4);
        assertThat(cluster.takeRequestedPaths()).filteredOn(p -> p.contains("metrics.k8s.io")).hasSize(1);
    }

    @Test
    void defaultSettingsOnAClusterWithoutTheDemoNeverAskForTheDemosObjects() throws InterruptedException {
        cluster.takeRequestedPaths();
        Optional<MetricSource> source = MetricSources.standard().forSettings(JudgeSettings.defaults(new MetricsLocation.DemoCluster()),
                cluster.client(), PrometheusAuth.none(), Duration.ofSeconds(5));
        EvidenceCollector collector = new EvidenceCollector(source,
                Optional.of(new KubernetesHealthSource(cluster.client())));

        List<Evidence> collected = List.of(collect(collector), collect(collector), collect(collector));

        assertThat(source).as("the default evidence is Kubernetes health").isEmpty();
        assertThat(collected).allSatisfy(e -> assertThat(e.reading().restarts()).isEqualTo(4));
        List<String> paths = cluster.takeRequestedPaths();
        assertThat(paths).as("pod health was read").anyMatch(p -> p.contains("/pods"));
        assertThat(paths).noneMatch(p -> p.contains("coalmine-demo"));
    }

    private static Evidence collect(EvidenceCollector collector) {
        Instant now = Instant.now();
        return collector.collect(SHOP, now.minusSeconds(60), now, Duration.ofSeconds(6));
    }
}
