package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.ThresholdPolicy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricSourcesTest {
    private final KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:6443").build()).build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void settingsPickTheSourceAndItsQueries() {
        JudgeSettings url = JudgeSettings.defaults(new MetricsLocation.PrometheusUrl("http://127.0.0.1:9090"))
                .withPreset("linkerd").withCustomQueries(Map.of("cpu", "avg(cpu{track=\"{{track}}\"})"));
        JudgeSettings service = JudgeSettings.defaults(new MetricsLocation.PrometheusService("monitoring/prom:web"));

        Optional<MetricSource> direct = MetricSources.standard().forSettings(url, client, PrometheusAuth.none(), Duration.ofSeconds(5));
        Optional<MetricSource> proxied = MetricSources.standard().forSettings(service, client, PrometheusAuth.none(), Duration.ofSeconds(5));

        assertThat(direct.orElseThrow().describe()).isEqualTo("Prometheus at http://127.0.0.1:9090");
        assertThat(direct.orElseThrow().metrics()).extracting(MetricSpec::name).containsExactly("success rate", "latency", "cpu");
        assertThat(proxied.orElseThrow().describe()).startsWith("Prometheus service monitoring/prom:web");
        assertThat(MetricSources.standard().forSettings(JudgeSettings.defaults(new MetricsLocation.KubernetesOnly()), client, PrometheusAuth.none(),
                Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void theDefaultLocationReadsTheClustersSimulatedMetricsOnlyWhereTheyAreRegistered() {
        JudgeSettings defaults = JudgeSettings.defaults(new MetricsLocation.DemoCluster());
        MetricSource anySource = new PrometheusSource(new PrometheusApi(DirectPrometheusTransport.of("http://127.0.0.1:9",
                PrometheusAuth.none(), Duration.ofSeconds(1))), QueryPreset.AZURE_SAMPLE.queries());

        assertThat(MetricSources.standard().forSettings(defaults, client, PrometheusAuth.none(), Duration.ofSeconds(5)))
                .as("Kubernetes health only on a real cluster").isEmpty();
        assertThat(MetricSources.withSimulated(c -> anySource).forSettings(defaults, client, PrometheusAuth.none(),
                Duration.ofSeconds(5))).containsSame(anySource);
    }

    @Test
    void thresholdsDropWhatTheSourceCannotMeasure() {
        ThresholdPolicy configured = ThresholdPolicy.defaults();
        MetricSource azure = new PrometheusSource(new PrometheusApi(DirectPrometheusTransport.of("http://127.0.0.1:9",
                PrometheusAuth.none(), Duration.ofSeconds(1))), QueryPreset.AZURE_SAMPLE.queries());

        assertThat(MetricSources.thresholdsFor(configured, Optional.empty()))
                .isEqualTo(new ThresholdPolicy(OptionalDouble.empty(), OptionalDouble.empty(), 0, configured.minRequests()));
        assertThat(MetricSources.thresholdsFor(configured, Optional.of(azure))).isEqualTo(configured.withoutLatency());
    }
}
