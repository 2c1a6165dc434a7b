package dev.coalmine.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

@FastTest
class CanaryJudgeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CanaryReading HEALTHY = new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(120), 0);
    private final CanaryJudge judge = CanaryJudge.withDefaults();

    @Test
    void healthyReadingAndSimilarSeriesPass() {
        Verdict verdict = judge.judge(new Evidence(HEALTHY, List.of(latency(100, 100)), List.of()), Track.BASELINE);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void aSourceErrorIsAnErrorEvenIfEverythingElseLooksFine() {
        Verdict verdict = judge.judge(new Evidence(HEALTHY, List.of(latency(100, 100)), List.of("Prometheus is down")), Track.BASELINE);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(verdict.reasons()).first().isEqualTo("Prometheus is down");
    }

    @Test
    void theWorstPartWins() {
        CanaryReading restarted = new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(120), 1);

        assertThat(judge.judge(new Evidence(restarted, List.of(latency(100, 100)), List.of()), Track.BASELINE).outcome())
                .isEqualTo(Verdict.Outcome.FAIL);
        assertThat(judge.judge(new Evidence(HEALTHY, List.of(latency(300, 100)), List.of()), Track.STABLE).reasons())
                .first().asString().startsWith("latency p99 over the analysis so far: canary 3");
        assertThat(judge.judge(new Evidence(HEALTHY, List.of(new MetricSamples(MetricSpec.latency(), Map.of())), List.of()),
                Track.BASELINE).outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    }

    private static MetricSamples latency(double canaryMs, double controlMs) {
        Random random = new Random(3);
        double[] canary = new double[20];
        double[] control = new double[20];
        for (int i = 0; i < 20; i++) {
            canary[i] = canaryMs + 5 * random.nextGaussian();
            control[i] = controlMs + 5 * random.nextGaussian();
        }
        Duration step = Duration.ofSeconds(5);
        return new MetricSamples(MetricSpec.latency(), Map.of(Track.CANARY, TimeSeries.of(T0, step, canary),
                Track.BASELINE, TimeSeries.of(T0, step, control), Track.STABLE, TimeSeries.of(T0, step, control)));
    }
}
