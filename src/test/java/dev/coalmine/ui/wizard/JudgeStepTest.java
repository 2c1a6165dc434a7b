package dev.coalmine.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge step builds the same settings the CLI's judge options do (see JudgeOptionsTest). */
class JudgeStepTest {
    @Test
    void prometheusWithAPresetCustomQueriesPassingChecksAndAMinimumDurationIsWhatTheCliWouldStore() {
        JudgeStep judge = new JudgeStep(false);
        judge.automaticProperty().set(true);
        judge.sourceProperty().set(JudgeStep.Source.PROMETHEUS_URL);
        judge.locationProperty().set("http://127.0.0.1:9090");
        judge.queries().presetProperty().set(dev.coalmine.metrics.QueryPreset.LINKERD);
        judge.queries().customProperty().set("errors=sum(rate(http_errors_total{track=\"{{track}}\"}[{{interval}}]))\n\n"
                + "latency = histogram_quantile(0.95, sum by (le) (rate(x_bucket{deployment=\"{{workload}}\"}[{{interval}}])))");
        judge.passingChecksProperty().set("5");
        judge.minAnalysisDurationProperty().set("2m");
        assertThat(judge.valid().get()).isTrue();

        JudgeSettings settings = judge.spec().settings();
        assertThat(settings.location()).isEqualTo(new MetricsLocation.PrometheusUrl("http://127.0.0.1:9090"));
        assertThat(settings.preset()).isEqualTo("linkerd");
        assertThat(settings.customQueries()).isEqualTo(Map.of(
                "errors", "sum(rate(http_errors_total{track=\"{{track}}\"}[{{interval}}]))",
                "latency", "histogram_quantile(0.95, sum by (le) (rate(x_bucket{deployment=\"{{workload}}\"}[{{interval}}])))"));
        assertThat(settings.analysis().passingChecksToPromote()).isEqualTo(5);
        assertThat(settings.analysis().minAnalysisDuration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theDemoClusterDefaultsToItsOwnMetricsAndRefusesCustomQueriesThere() {
        JudgeStep judge = new JudgeStep(true);
        judge.automaticProperty().set(true);
        assertThat(judge.sourceProperty().get()).isEqualTo(JudgeStep.Source.DEMO);
        assertThat(judge.intervalProperty().get()).isEqualTo("10s");
        assertThat(judge.spec().settings().preset()).isEqualTo("demo");
        assertThat(judge.spec().settings().analysis().passingChecksToPromote()).isEqualTo(3);

        judge.queries().customProperty().set("errors=sum(rate(x[{{interval}}]))");
        assertThat(judge.queries().problem().get()).startsWith("Custom queries need Prometheus");
        assertThat(judge.valid().get()).isFalse();
        judge.sourceProperty().set(JudgeStep.Source.PROMETHEUS_SERVICE);
        judge.locationProperty().set("monitoring/prometheus:9090");
        assertThat(judge.valid().get()).isTrue();
        assertThat(judge.spec().settings().preset()).isEqualTo("demo");
    }

    @Test
    void badEntriesSayWhatIsWrong() {
        JudgeStep judge = new JudgeStep(false);
        judge.automaticProperty().set(true);
        judge.sourceProperty().set(JudgeStep.Source.PROMETHEUS_URL);
        judge.locationProperty().set("http://prometheus:9090");
        judge.queries().customProperty().set("errors=rate(x[1m])\nnot a query");
        assertThat(judge.queries().problem().get()).startsWith("Line 2: A custom query must look like NAME=PROMQL");
        judge.queries().customProperty().set("");
        judge.passingChecksProperty().set("0");
        assertThat(judge.passingChecksProblem().get()).isEqualTo("Enter a whole number of passing checks from 1 to 99");
        judge.minAnalysisDurationProperty().set("soon");
        assertThat(judge.minAnalysisDurationProblem().get()).isEqualTo("Enter a duration such as 0s, 2m or 1h30m (at most 24h)");
        assertThat(judge.valid().get()).isFalse();
        judge.passingChecksProperty().set("3");
        judge.minAnalysisDurationProperty().set("0s");
        assertThat(judge.valid().get()).isTrue();
    }
}
