package dev.coalmine.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@FastTest
class JudgeSettingsTest {
    @Test
    void defaultsFollowTheMetricsLocation() {
        JudgeSettings demo = JudgeSettings.defaults(new MetricsLocation.DemoCluster());
        JudgeSettings prometheus = JudgeSettings.defaults(new MetricsLocation.PrometheusService("monitoring/prometheus:9090"));

        assertThat(demo.preset()).isEqualTo("demo");
        assertThat(prometheus.preset()).isEqualTo("istio");
        assertThat(demo.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(demo.customQueries()).isEmpty();
        assertThat(demo.thresholds()).isEqualTo(ThresholdPolicy.defaults());
        assertThat(demo.analysis()).isEqualTo(AnalysisPolicy.defaults());
        assertThat(demo.statistics()).isEqualTo(StatisticalPolicy.defaults());
    }

    @Test
    void eachWitherChangesItsSettingOnly() {
        JudgeSettings demo = JudgeSettings.defaults(new MetricsLocation.DemoCluster());
        JudgeSettings changed = demo.withPreset("nginx").withCustomQueries(Map.of("errors", "sum(e)"))
                .withInterval(Duration.ofSeconds(90)).withThresholds(ThresholdPolicy.defaults().withMinRequests(5))
                .withAnalysis(AnalysisPolicy.defaults().withMaxFailedChecks(4))
                .withStatistics(StatisticalPolicy.defaults().withMinPoints(8));

        assertThat(changed).isEqualTo(new JudgeSettings(demo.location(), "nginx", Map.of("errors", "sum(e)"),
                Duration.ofSeconds(90), ThresholdPolicy.defaults().withMinRequests(5),
                AnalysisPolicy.defaults().withMaxFailedChecks(4), StatisticalPolicy.defaults().withMinPoints(8)));
    }

    @Test
    void anIntervalBelowOneSecondIsRefused() {
        assertThatThrownBy(() -> JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(Duration.ofMillis(500)))
                .isInstanceOf(CoalmineException.class).hasMessage("The analysis interval must be at least 1s, got 500ms.");
    }
}
