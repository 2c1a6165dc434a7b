package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.release.JudgeSpec;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code start}'s judge options become the release's {@link JudgeSettings}. */
class JudgeOptionsTest {
    @Command(name = "start")
    static final class Holder {
        @Mixin
        JudgeOptions judge;
    }

    private static JudgeSpec spec(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.judge.toSpec();
    }

    @Test
    void withoutOptionsTheJudgeIsManual() {
        assertThat(spec()).isEqualTo(JudgeSpec.manual());
    }

    @Test
    void everyOptionFillsItsSetting() {
        JudgeSpec spec = spec("--judge", "auto", "--analysis-interval", "5s", "--max-failed-checks", "4",
                "--passing-checks", "5", "--min-success-rate", "99.5", "--max-latency-ms", "250",
                "--prometheus", "https://prom.example.com:9090", "--metrics-preset", "linkerd",
                "--query", "errors=sum(rate(x{track=\"{{track}}\"}[{{interval}}]))", "--min-analysis-duration", "1m",
                "--min-requests", "100");

        assertThat(spec).isEqualTo(JudgeSpec.automatic(new JudgeSettings(
                new MetricsLocation.PrometheusUrl("https://prom.example.com:9090"), "linkerd",
                Map.of("errors", "sum(rate(x{track=\"{{track}}\"}[{{interval}}]))"), Duration.ofSeconds(5),
                new ThresholdPolicy(OptionalDouble.of(99.5), OptionalDouble.of(250), 0, 100),
                new AnalysisPolicy(4, 5, 3, Duration.ofMinutes(1)),
                JudgeSettings.defaults(new MetricsLocation.DemoCluster()).statistics())));
    }

    @Test
    void theAnalysisIntervalReadsLikeKubectls() {
        assertThat(spec("--judge", "auto", "--analysis-interval", "1m30s").settings().interval())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(spec("--judge", "auto", "--min-analysis-duration", "0s").settings().analysis().minAnalysisDuration())
                .isZero();
        assertThatThrownBy(() -> spec("--judge", "auto", "--analysis-interval", "5x"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'5x' is not a duration: use forms like 90s, 1m30s or 2h");
        assertThatThrownBy(() -> spec("--judge", "auto", "--analysis-interval", "500ms"))
                .hasMessage("The analysis interval must be at least 1s, got 500ms.");
    }

    @Test
    void sourcesByOption() {
        assertThat(spec("--judge", "auto").settings()).isEqualTo(JudgeSettings.defaults(new MetricsLocation.DemoCluster()));
        assertThat(spec("--judge", "auto", "--prometheus-service", "monitoring/prometheus:9090").settings())
                .isEqualTo(JudgeSettings.defaults(new MetricsLocation.PrometheusService("monitoring/prometheus:9090")));
        assertThat(spec("--judge", "auto", "--metrics-source", "none").settings().location())
                .isEqualTo(new MetricsLocation.KubernetesOnly());
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> spec("--max-failed-checks", "3")).isInstanceOf(CoalmineException.class)
                .hasMessage("the options --max-failed-checks configure the automatic judge: add --judge auto");
        assertThatThrownBy(() -> spec("--analysis-interval", "1m", "--prometheus", "http://p:9090"))
                .hasMessage("the options --prometheus, --analysis-interval configure the automatic judge: add --judge auto");
        assertThatThrownBy(() -> spec("--judge", "auto", "--prometheus", "http://a", "--prometheus-service", "m/p:9090"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> spec("--judge", "auto", "--prometheus-service", "prometheus"))
                .hasMessageContaining("NAMESPACE/SERVICE:PORT");
        assertThatThrownBy(() -> spec("--judge", "auto", "--passing-checks", "0"))
                .hasMessageContaining("passing checks to promote must be at least 1");
        assertThatThrownBy(() -> spec("--judge", "auto", "--min-requests", "-1"))
                .hasMessageContaining("the minimum number of requests cannot be negative, got -1");
    }
}
