package dev.coalmine.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coalmine.FastTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

@FastTest
class StatisticalJudgeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StatisticalJudge judge = new StatisticalJudge(StatisticalPolicy.defaults());

    @Test
    void identicalDistributionsPassForManySeeds() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<MetricSamples> samples = List.of(
                    samples(MetricSpec.successRate(), 30, () -> successRate(random, 0.001), () -> successRate(random, 0.001)),
                    samples(MetricSpec.latency(), 30, () -> 100 + 10 * random.nextGaussian(), () -> 100 + 10 * random.nextGaussian()));

            ComparisonReport report = judge.compare(samples, Track.BASELINE);

            assertThat(report.verdict().outcome()).as("seed %d: %s", seed, report.verdict()).isEqualTo(Verdict.Outcome.PASS);
            assertThat(report.score()).isEqualTo(100);
        }
    }

    @Test
    void aCanaryWithTenPercentServerErrorsFailsNamingTheSuccessRate() {
        Random random = new Random(42);
        List<MetricSamples> samples = List.of(
                samples(MetricSpec.successRate(), 30, () -> successRate(random, 0.10), () -> successRate(random, 0.001)),
                samples(MetricSpec.latency(), 30, () -> 100 + 10 * random.nextGaussian(), () -> 100 + 10 * random.nextGaussian()));

        ComparisonReport report = judge.compare(samples, Track.BASELINE);

        assertThat(report.verdict().outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict().reasons().get(0))
                .startsWith("success rate over the analysis so far: canary 9").contains("vs baseline 99.")
                .contains("p < 0.001").contains("too low");
        assertThat(report.verdict().decidingFinding()).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("success rate vs baseline");
            assertThat(f.window()).isEqualTo(Finding.Window.ANALYSIS);
            assertThat(f.canary()).startsWith("9");
            assertThat(f.control()).startsWith("99.");
            assertThat(f.limit()).isEqualTo("≥ −1 %");
            assertThat(f.note()).contains("p < 0.001");
        });
        MetricComparison successRate = report.metrics().get(0);
        assertThat(successRate.classification()).isEqualTo(Classification.LOW);
        assertThat(successRate.pValue()).isLessThan(0.001);
        assertThat(report.score()).isEqualTo(50);
    }

    @Test
    void noDataIsInconclusiveNeverPass() {
        MetricSamples empty = new MetricSamples(MetricSpec.successRate(), Map.of());

        ComparisonReport report = judge.compare(List.of(empty), Track.BASELINE);

        assertThat(report.verdict().outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(report.verdict().reasons().get(0))
                .isEqualTo("not enough data for success rate over the analysis so far: canary 0 points, baseline 0 (at least 5 "
                        + "needed)");
        assertThat(judge.compare(List.of(), Track.STABLE).verdict().outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    }

    @Test
    void tooFewPointsOrOnlyNaNsAreInconclusive() {
        MetricSamples few = new MetricSamples(MetricSpec.latency(), Map.of(
                Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(10), 100, 101, 99, 100),
                Track.STABLE, TimeSeries.of(T0, Duration.ofSeconds(10), 100, 101, 99, 100, 102, 98)));
        MetricSamples nans = new MetricSamples(MetricSpec.successRate(), Map.of(
                Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(10), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                Track.STABLE, TimeSeries.of(T0, Duration.ofSeconds(10), 100, 100, 100, 100, 100)));

        assertThat(judge.compare(List.of(few), Track.STABLE).verdict().outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(judge.compare(List.of(nans), Track.STABLE).verdict().reasons().get(0)).contains("canary 0 points, stable 5");
    }

    @Test
    void thePValueIsTheLibrarysAndTheTextbooks() {
        // Exact two-sided test, no ties: U = 17 (or 3), P = 14/126 (R: wilcox.test gives W = 17, p-value = 0.1111).
        double[] canary = {19, 22, 16, 29, 24};
        double[] baseline = {20, 11, 17, 12};
        StatisticalJudge smallSamples = new StatisticalJudge(StatisticalPolicy.defaults().withMinPoints(4));

        MetricComparison result = smallSamples.compare(metric(MetricSpec.custom("score"), canary, baseline), Track.BASELINE);

        assertThat(result.pValue()).isCloseTo(14.0 / 126, within(1e-12));
        assertThat(result.pValue()).isEqualTo(MannWhitneyUTest.withDefaults().test(canary, baseline).getPValue());
        assertThat(result.classification()).isEqualTo(Classification.PASS);
        assertThat(result.reason()).contains("no significant difference (p = 0.111)");
    }

    @Test
    void thePValueMatchesTheLibraryWithTiesAndLargeSamples() {
        Random random = new Random(7);
        double[] canary = new double[40];
        double[] baseline = new double[35];
        for (int i = 0; i < canary.length; i++) {
            canary[i] = Math.round(100 + 8 * random.nextGaussian());
        }
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = Math.round(103 + 8 * random.nextGaussian());
        }

        MetricComparison result = judge.compare(metric(MetricSpec.latency(), canary, baseline), Track.BASELINE);

        assertThat(result.pValue()).isEqualTo(MannWhitneyUTest.withDefaults().test(canary, baseline).getPValue());
    }

    @Test
    void directionDecidesWhetherASignificantChangeFails() {
        double[] slow = {200, 210, 205, 198, 202, 207, 199, 201};
        double[] fast = {100, 104, 99, 101, 98, 102, 103, 97};

        MetricComparison faster = judge.compare(metric(MetricSpec.latency(), fast, slow), Track.BASELINE);
        MetricComparison slower = judge.compare(metric(MetricSpec.latency(), slow, fast), Track.BASELINE);
        MetricComparison changed = judge.compare(metric(MetricSpec.custom("queue depth"), fast, slow), Track.BASELINE);

        assertThat(faster.classification()).isEqualTo(Classification.LOW);
        assertThat(faster.passed()).isTrue();
        assertThat(faster.reason()).contains("which is not a problem");
        assertThat(slower.classification()).isEqualTo(Classification.HIGH);
        assertThat(slower.passed()).isFalse();
        assertThat(slower.reason()).isEqualTo("latency p99 over the analysis so far: canary 203 ms vs baseline 101 ms, p < 0.001: canary "
                + "too high (+102 %, tolerance 20 %)");
        assertThat(changed.passed()).isFalse();
    }

    @Test
    void aSignificantDifferenceWithinTheToleranceStillPasses() {
        double[] canary = {105, 106, 104, 105, 107, 106, 105, 104};
        double[] baseline = {100, 101, 99, 100, 102, 101, 100, 99};

        MetricComparison result = judge.compare(metric(MetricSpec.latency(), canary, baseline), Track.BASELINE);

        assertThat(result.pValue()).isLessThan(0.02);
        assertThat(result.classification()).isEqualTo(Classification.PASS);
        assertThat(result.reason()).contains("within the 20 % tolerance");
    }

    @Test
    void constantEqualSamplesPass() {
        double[] hundred = {100, 100, 100, 100, 100, 100};
        assertThat(judge.compare(metric(MetricSpec.successRate(), hundred, hundred), Track.STABLE).passed()).isTrue();
    }

    @Test
    void aMarginalScoreIsInconclusiveAndALowScoreFails() {
        double[] same = {10, 11, 12, 13, 14, 15, 16, 17};
        double[] doubled = {20, 22, 24, 26, 28, 30, 32, 34};
        List<MetricSamples> oneOfFourFails = new ArrayList<>();
        oneOfFourFails.add(metric(MetricSpec.custom("a"), doubled, same));
        for (String name : List.of("b", "c", "d")) {
            oneOfFourFails.add(metric(MetricSpec.custom(name), same, same));
        }
        List<MetricSamples> twoOfFourFail = new ArrayList<>(oneOfFourFails);
        twoOfFourFail.set(1, metric(MetricSpec.custom("b"), doubled, same));

        ComparisonReport marginal = judge.compare(oneOfFourFails, Track.BASELINE);
        ComparisonReport failing = judge.compare(twoOfFourFail, Track.BASELINE);

        assertThat(marginal.score()).isEqualTo(75);
        assertThat(marginal.verdict().outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(marginal.verdict().reasons()).last().asString().contains("marginal");
        assertThat(failing.score()).isEqualTo(50);
        assertThat(failing.verdict().outcome()).isEqualTo(Verdict.Outcome.FAIL);
    }

    @Test
    void aFailingCriticalMetricFailsDespiteAPassingScore() {
        double[] same = {10, 11, 12, 13, 14, 15, 16, 17};
        double[] doubled = {20, 22, 24, 26, 28, 30, 32, 34};
        List<MetricSamples> samples = new ArrayList<>();
        samples.add(metric(MetricSpec.custom("errors").withCritical(true), doubled, same));
        for (int i = 0; i < 19; i++) {
            samples.add(metric(MetricSpec.custom("m" + i), same, same));
        }

        ComparisonReport report = judge.compare(samples, Track.BASELINE);

        assertThat(report.score()).isEqualTo(95);
        assertThat(report.verdict().outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict().reasons().get(0)).startsWith("errors over the analysis so far: canary ");
        assertThat(report.verdict().findings()).last().satisfies(score -> {
            assertThat(score.rule()).isEqualTo("comparison score");
            assertThat(score.canary()).isEqualTo("95");
            assertThat(score.note()).isEqualTo("a critical metric failed");
        });
    }

    @Test
    void pointsOfOverlappingWindowsAreNotCountedAsIndependentObservations() {
        int seeds = 300;
        int significantAsIfIndependent = 0;
        int significantKnowingTheWindow = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Random random = new Random(seed);
            // Both tracks serve from one latency distribution; each point is the p99-like worst of the last 5 seconds.
            double[] canary = movingWorst(perSecondLatency(random, 35), 5);
            double[] baseline = movingWorst(perSecondLatency(random, 35), 5);
            significantAsIfIndependent += significant(windowed(canary, baseline, Duration.ZERO)) ? 1 : 0;
            significantKnowingTheWindow += significant(windowed(canary, baseline, Duration.ofSeconds(5))) ? 1 : 0;
        }
        // At a confidence of 0.98 one comparison in 50 of equal tracks is significant by chance.
        assertThat(significantAsIfIndependent).as("overlapping points taken as independent").isGreaterThan(seeds / 10);
        assertThat(significantKnowingTheWindow).as("the window's overlap accounted for").isLessThanOrEqualTo(seeds * 3 / 100);
    }

    @Test
    void aComparisonOfOverlappingPointsSaysHowManyIndependentOnesTheyAmountTo() {
        double[] same = movingWorst(perSecondLatency(new Random(3), 35), 5);

        MetricComparison latency = judge.compare(windowed(same, same.clone(), Duration.ofSeconds(5)), Track.BASELINE);

        assertThat(latency.reason()).endsWith("no significant difference (p = 1.000; 31 overlapping points ≈ 6 independent)");
    }

    @Test
    void aRealLatencyRegressionStillFailsWithOverlappingWindows() {
        Random random = new Random(7);
        double[] slower = perSecondLatency(random, 125);
        for (int i = 0; i < slower.length; i++) {
            slower[i] *= 2;
        }
        double[] canary = movingWorst(slower, 5);
        double[] baseline = movingWorst(perSecondLatency(random, 125), 5);

        MetricComparison latency = judge.compare(windowed(canary, baseline, Duration.ofSeconds(5)), Track.BASELINE);

        assertThat(latency.classification()).as(latency.reason()).isEqualTo(Classification.HIGH);
        assertThat(latency.passed()).isFalse();
    }

    private boolean significant(MetricSamples samples) {
        return judge.compare(samples, Track.BASELINE).pValue() < 1 - StatisticalPolicy.defaults().confidence();
    }

    /** A second's worst latency: mostly around 100 ms, now and then a slow request of up to a few hundred. */
    private static double[] perSecondLatency(Random random, int seconds) {
        double[] values = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            values[i] = 100 + 15 * random.nextGaussian() + (random.nextDouble() < 0.1 ? 300 * random.nextDouble() : 0);
        }
        return values;
    }

    private static double[] movingWorst(double[] perSecond, int window) {
        double[] points = new double[perSecond.length - window + 1];
        for (int i = 0; i < points.length; i++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int j = i; j < i + window; j++) {
                worst = Math.max(worst, perSecond[j]);
            }
            points[i] = worst;
        }
        return points;
    }

    /** Latency points one second apart, each over {@code window}. */
    private static MetricSamples windowed(double[] canary, double[] baseline, Duration window) {
        Duration step = Duration.ofSeconds(1);
        return new MetricSamples(MetricSpec.latency(), Map.of(Track.CANARY, TimeSeries.of(T0, step, canary),
                Track.BASELINE, TimeSeries.of(T0, step, baseline)), window);
    }

    private static double successRate(Random random, double errorShare) {
        int requests = 1000;
        int errors = 0;
        for (int i = 0; i < requests; i++) {
            errors += random.nextDouble() < errorShare ? 1 : 0;
        }
        return 100.0 * (requests - errors) / requests;
    }

    private static MetricSamples samples(MetricSpec spec, int points, DoubleSupplier canary, DoubleSupplier baseline) {
        double[] c = new double[points];
        double[] b = new double[points];
        for (int i = 0; i < points; i++) {
            c[i] = canary.getAsDouble();
            b[i] = baseline.getAsDouble();
        }
        return metric(spec, c, b);
    }

    private static MetricSamples metric(MetricSpec spec, double[] canary, double[] control) {
        Duration step = Duration.ofSeconds(10);
        return new MetricSamples(spec, Map.of(Track.CANARY, TimeSeries.of(T0, step, canary),
                Track.BASELINE, TimeSeries.of(T0, step, control), Track.STABLE, TimeSeries.of(T0, step, control)));
    }
}
