package dev.coalmine.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

@FastTest
class JudgeSettingsTest {
    @Test
    void readsTheWizardsKeys() {
        JudgeSettings settings = JudgeSettings.fromConfig(Map.of("source", "prometheus-service",
                "prometheus-service", "monitoring/prometheus:9090", "min-success-rate", "98.5", "max-latency-ms", "250",
                "interval", "10s", "max-failed-checks", "4"));

        assertThat(settings.location()).isEqualTo(new MetricsLocation.PrometheusService("monitoring/prometheus:9090"));
        assertThat(settings.preset()).isEqualTo("istio");
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.thresholds()).isEqualTo(new ThresholdPolicy(OptionalDouble.of(98.5), OptionalDouble.of(250), 0,
                ThresholdPolicy.DEFAULT_MIN_REQUESTS));
        assertThat(settings.analysis()).isEqualTo(AnalysisPolicy.defaults().withMaxFailedChecks(4));
        assertThat(settings.statistics()).isEqualTo(StatisticalPolicy.defaults());
    }

    @Test
    void defaultsToTheDemoClusterAndRoundTrips() {
        JudgeSettings demo = JudgeSettings.fromConfig(Map.of());
        JudgeSettings custom = JudgeSettings.fromConfig(Map.of("source", "prometheus-url", "prometheus-url", "http://localhost:9090",
                "metrics-preset", "azure-sample", "max-latency-ms", "none", "query.errors", "sum(x{track=\"{{track}}\"})",
                "passing-checks", "5", "min-analysis-duration", "2m", "confidence", "0.95", "min-points", "8",
                "min-requests", "200"));

        assertThat(demo.location()).isEqualTo(new MetricsLocation.DemoCluster());
        assertThat(demo.preset()).isEqualTo("demo");
        assertThat(demo.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(custom.thresholds().maxLatencyMs()).isEmpty();
        assertThat(custom.thresholds().minRequests()).isEqualTo(200);
        assertThat(custom.customQueries()).containsEntry("errors", "sum(x{track=\"{{track}}\"})");
        assertThat(custom.analysis().minAnalysisDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(JudgeSettings.fromConfig(demo.toConfig())).isEqualTo(demo);
        assertThat(JudgeSettings.fromConfig(custom.toConfig())).isEqualTo(custom);
        assertThat(JudgeSettings.fromConfig(Map.of("source", "none")).location()).isEqualTo(new MetricsLocation.KubernetesOnly());
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("interval", "soon"))).isInstanceOf(CoalmineException.class)
                .hasMessage("The judge setting interval = 'soon' is not valid ('soon' is not a duration such as 10s, 1m or 500ms).");
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("max-failed-checks", "0")))
                .hasMessage("The judge's analysis settings are not valid: failed-check limit must be at least 1, got 0.");
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("source", "prometheus-url")))
                .hasMessageStartingWith("The judge settings name no prometheus-url");
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("source", "datadog"))).hasMessageStartingWith("Unknown metrics source 'datadog'");
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("min-requests", "-5")))
                .hasMessage("The judge's thresholds settings are not valid: the minimum number of requests cannot be negative, got -5.");
        assertThatThrownBy(() -> JudgeSettings.fromConfig(Map.of("interval", "500ms")))
                .hasMessage("The analysis interval must be at least 1s, got 500ms.");
    }

    @Test
    void durationsReadLikeKubectls() {
        assertThat(JudgeSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(JudgeSettings.parseDuration(" 1m ")).isEqualTo(Duration.ofMinutes(1));
        assertThat(JudgeSettings.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(JudgeSettings.parseDuration("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }
}
