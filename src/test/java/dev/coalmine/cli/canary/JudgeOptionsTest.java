package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.JudgeMode;
import dev.coalmine.core.release.JudgeSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code start}'s judge options become the judge config keys that {@link JudgeSettings} reads. */
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
    void everyOptionFillsItsKey() {
        JudgeSpec spec = spec("--judge", "auto", "--analysis-interval", "5s", "--max-failed-checks", "4",
                "--passing-checks", "5", "--min-success-rate", "99.5", "--max-latency-ms", "250",
                "--prometheus", "https://prom.example.com:9090", "--metrics-preset", "linkerd",
                "--query", "errors=sum(rate(x{track=\"{{track}}\"}[{{interval}}]))", "--min-analysis-duration", "1m",
                "--min-requests", "100");

        assertThat(spec.mode()).isEqualTo(JudgeMode.AUTOMATIC);
        assertThat(spec.config()).containsEntry("source", "prometheus-url")
                .containsEntry("prometheus-url", "https://prom.example.com:9090").containsEntry("metrics-preset", "linkerd")
                .containsEntry("query.errors", "sum(rate(x{track=\"{{track}}\"}[{{interval}}]))")
                .containsEntry("interval", "5s").containsEntry("max-failed-checks", "4").containsEntry("passing-checks", "5")
                .containsEntry("min-success-rate", "99.5").containsEntry("max-latency-ms", "250.0")
                .containsEntry("min-analysis-duration", "60s").containsEntry("min-requests", "100");
        JudgeSettings settings = JudgeSettings.fromConfig(spec.config());
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.analysis().passingChecksToPromote()).isEqualTo(5);
        assertThat(settings.thresholds().minSuccessRatePercent().getAsDouble()).isEqualTo(99.5);
        assertThat(settings.customQueries()).containsKey("errors");
        assertThat(settings.thresholds().minRequests()).isEqualTo(100);
    }

    @Test
    void sourcesByOption() {
        assertThat(JudgeSettings.fromConfig(spec("--judge", "auto").config()).location())
                .isEqualTo(new MetricsLocation.DemoCluster());
        assertThat(spec("--judge", "auto", "--prometheus-service", "monitoring/prometheus:9090").config())
                .isEqualTo(Map.of("source", "prometheus-service", "prometheus-service", "monitoring/prometheus:9090"));
        assertThat(JudgeSettings.fromConfig(spec("--judge", "auto", "--metrics-source", "none").config()).location())
                .isEqualTo(new MetricsLocation.KubernetesOnly());
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> spec("--max-failed-checks", "3")).isInstanceOf(CoalmineException.class)
                .hasMessage("the options --max-failed-checks configure the automatic judge: add --judge auto");
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
