package dev.coalmine.demo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.metrics.DemoFormatMetricsServer;
import dev.coalmine.metrics.DemoFormatMetricsServer.PodSpec;
import dev.coalmine.metrics.EvidenceCollector;
import dev.coalmine.metrics.MetricSourceException;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's metrics read directly, from a server in the demo's format with a healthy baseline and a faulty canary. */
class DemoMetricsSourceTest {
    private static final MetricTarget TARGET = new MetricTarget("shop", "web", Duration.ofSeconds(2));
    private final DemoFormatMetricsServer server;
    private final DemoMetricsSource source;

    DemoMetricsSourceTest() throws IOException {
        server = new DemoFormatMetricsServer(List.of(
                new PodSpec("shop", "web", "web-1", "stable", 0.001, 0.02),
                new PodSpec("shop", "web-baseline", "web-baseline-1", "baseline", 0.001, 0.02),
                new PodSpec("shop", "web-canary", "web-canary-1", "canary", 0.10, 0.02),
                new PodSpec("other", "web-canary", "web-canary-9", "canary", 0.9, 2.0)), 7);
        source = new DemoMetricsSource(() -> Optional.of("http://" + server.target() + "/metrics"),
                Duration.ofMillis(200), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    @Test
    void ratesPerTrackFromItsOwnScrapes() {
        Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(source.covers(Duration.ofSeconds(4), Instant.now())).isTrue());
        Instant now = Instant.now();

        Map<Track, Double> success = source.instant(TARGET, MetricSpec.SUCCESS_RATE, now);
        assertThat(success.get(Track.CANARY)).isBetween(80.0, 97.0);
        assertThat(success.get(Track.BASELINE)).isGreaterThan(98.5);
        assertThat(success.get(Track.STABLE)).isGreaterThan(98.5);
        Map<Track, Double> latency = source.instant(TARGET, MetricSpec.LATENCY, now);
        // The true p99 of a 20 ms mean is ~92 ms; read from the histogram it lands in the 100-250 ms bucket when a
        // short window holds a few slow requests, so any value up to that bucket's end is right (2 s would not be).
        assertThat(latency.get(Track.CANARY)).as("p99 of a 20 ms mean, not the other namespace's 2 s").isBetween(50.0, 250.0);

        MetricSamples series = source.range(TARGET, MetricSpec.SUCCESS_RATE, now.minusSeconds(2), now, Duration.ofMillis(500));
        assertThat(series.of(Track.CANARY).size()).isEqualTo(5);
        assertThat(java.util.Arrays.stream(series.of(Track.CANARY).values()).max().orElseThrow()).isLessThan(99);
        assertThat(source.describe()).contains(server.target());
    }

    @Test
    void evidenceFromTheSourceNamesTheCanarysSuccessRate() {
        Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(source.covers(Duration.ofSeconds(4), Instant.now())).isTrue());
        Instant now = Instant.now();
        var evidence = new EvidenceCollector(Optional.of(source), Optional.empty())
                .collect(TARGET, now.minusSeconds(2), now, Duration.ofMillis(250));
        assertThat(evidence.sourceErrors()).isEmpty();
        assertThat(evidence.reading().successRatePercent().getAsDouble()).isLessThan(97);
        assertThat(evidence.reading().requests().getAsDouble()).as("100 requests/s of the canary pod in a 2 s window, "
                + "between scrapes that a loaded machine may delay").isBetween(100.0, 300.0);
        assertThat(evidence.samples()).extracting(s -> s.metric().name()).containsExactly("success rate", "latency");
    }

    @Test
    void aClusterThatIsNotADemoIsAnErrorWithAdvice() {
        try (DemoMetricsSource nowhere = new DemoMetricsSource(Optional::empty, Duration.ofMillis(100), Clock.systemUTC())) {
            Eventually.assertThat(Duration.ofSeconds(10), () -> assertThatThrownBy(
                    () -> nowhere.instant(TARGET, MetricSpec.SUCCESS_RATE, Instant.now()))
                    .isInstanceOf(MetricSourceException.class)
                    .hasMessageContaining("does not advertise demo metrics")
                    .hasMessageContaining("--prometheus"));
            var evidence = new EvidenceCollector(Optional.of(nowhere), Optional.empty())
                    .collect(TARGET, Instant.now().minusSeconds(4), Instant.now(), Duration.ofSeconds(1));
            assertThat(evidence.sourceErrors()).singleElement().asString().contains("does not advertise demo metrics");
        }
    }

    @Test
    void anAdvertisedAddressOffThisMachineIsRefusedWithoutContactingIt() {
        try (CrudApiServer cluster = new CrudApiServer()) {
            advertiseInConfigMap(cluster.client(), "http://10.0.0.5:9090/metrics");

            assertThatThrownBy(() -> DemoEndpoints.metricsUrl(cluster.client()))
                    .as("the address is refused before anything could connect to it")
                    .isInstanceOf(MetricSourceException.class)
                    .hasMessageContaining("'http://10.0.0.5:9090/metrics', which is not a loopback address");
            try (DemoMetricsSource steered = DemoMetricsSource.forCluster(cluster.client())) {
                Eventually.assertThat(Duration.ofSeconds(10), () -> {
                    var evidence = new EvidenceCollector(Optional.of(steered), Optional.empty())
                            .collect(TARGET, Instant.now().minusSeconds(4), Instant.now(), Duration.ofSeconds(1));
                    assertThat(evidence.sourceErrors()).singleElement().asString()
                            .contains("http://10.0.0.5:9090/metrics", "not a loopback address", "did not contact it");
                });
            }
        }
    }

    @Test
    void aLoopbackAddressAdvertisedByADemoElsewhereIsReadAndNamed() {
        try (CrudApiServer cluster = new CrudApiServer()) {
            String loopback = "http://" + server.target() + "/metrics";
            advertiseInConfigMap(cluster.client(), loopback);

            try (DemoMetricsSource elsewhere = DemoMetricsSource.forCluster(cluster.client())) {
                Eventually.assertThat(Duration.ofSeconds(30),
                        () -> assertThat(elsewhere.covers(Duration.ofSeconds(1), Instant.now())).isTrue());
                assertThat(elsewhere.describe()).contains("at " + loopback);
            }
        }
    }

    @Test
    void aDemoStartedHereReadsItsOwnMetricsWhateverTheConfigMapSays() {
        try (CrudApiServer cluster = new CrudApiServer()) {
            String own = "http://" + server.target() + "/metrics";
            DemoEndpoints.advertiseMetrics(cluster.client(), own);
            advertiseInConfigMap(cluster.client(), "http://127.0.0.1:1/filtered");

            assertThat(DemoEndpoints.metricsUrl(cluster.client())).contains(own);
        }
    }

    /** What anyone allowed to write ConfigMaps in the demo namespace can do. */
    private static void advertiseInConfigMap(KubernetesClient client, String url) {
        client.configMaps().inNamespace(DemoEndpoints.NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(DemoEndpoints.CONFIG_MAP).endMetadata()
                .addToData(DemoEndpoints.METRICS_URL, url).build()).createOr(existing -> existing.update());
    }
}
