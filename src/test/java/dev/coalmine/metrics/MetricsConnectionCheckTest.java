package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsConnectionCheckTest {
    private static DemoCluster demo;
    private static MetricsConnectionCheck check;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start(DemoOptions.defaults().withSeed(false));
        check = new MetricsConnectionCheck(demo.client(), PrometheusAuth.fromEnvironment(Map.of()),
                MetricSources.standard());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void anUnreachablePrometheusIsExplained() {
        String result = check.check(JudgeSettings.defaults(new MetricsLocation.PrometheusUrl("http://127.0.0.1:1")),
                "default", "web");
        assertThat(result).startsWith("Not reachable: ").contains("http://127.0.0.1:1");
    }

    @Test
    void theDefaultSourceOnAClusterWithoutSimulatedMetricsIsKubernetesHealth() {
        assertThat(check.check(JudgeSettings.defaults(new MetricsLocation.DemoCluster()), "default", "web"))
                .isEqualTo("No request metrics: only Kubernetes health (restarts, readiness) will be judged.");
    }

    @Test
    void noSourceMeansKubernetesHealthOnly() {
        assertThat(check.check(JudgeSettings.defaults(new MetricsLocation.KubernetesOnly()), "default", "web"))
                .isEqualTo("No request metrics: only Kubernetes health (restarts, readiness) will be judged.");
    }
}
