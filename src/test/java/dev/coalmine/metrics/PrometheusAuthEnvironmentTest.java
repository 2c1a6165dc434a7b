package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus credentials come from the environment, never from the judge settings stored in the cluster. */
class PrometheusAuthEnvironmentTest {
    @Test
    void tokenThenBasicThenNothing() {
        assertThat(PrometheusAuth.fromEnvironment(Map.of("COALMINE_PROMETHEUS_TOKEN", "t0k3n",
                "COALMINE_PROMETHEUS_USER", "ana")).authorizationHeader()).contains("Bearer t0k3n");
        assertThat(PrometheusAuth.fromEnvironment(Map.of("COALMINE_PROMETHEUS_USER", "ana",
                "COALMINE_PROMETHEUS_PASSWORD", "pw")).authorizationHeader()).contains("Basic YW5hOnB3");
        assertThat(PrometheusAuth.fromEnvironment(Map.of("COALMINE_PROMETHEUS_TOKEN", " "))).isEqualTo(PrometheusAuth.none());
        assertThat(PrometheusAuth.fromEnvironment(Map.of("COALMINE_PROMETHEUS_TOKEN", "t0k3n")).toString())
                .doesNotContain("t0k3n");
    }
}
