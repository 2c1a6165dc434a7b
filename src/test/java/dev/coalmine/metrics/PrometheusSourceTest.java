package dev.coalmine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.CanaryJudge;
import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.ComparisonReport;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.StatisticalJudge;
import dev.coalmine.core.judge.StatisticalPolicy;
import dev.coalmine.core.judge.ThresholdCheck;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AnalysisState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo preset against a real Prometheus scraping demo-format metrics, judged end to end. */
class PrometheusSourceTest {
    private static final MetricTarget SHOP = new MetricTarget("shop-ns", "shop", Duration.ofSeconds(10));
    /**
     * Rates over 2 s, so 20 s of points 1 s apart hold 10 independent windows: the comparison counts a point once
     * per window it shares (over 10 s windows the same 20 s would be only two observations).
     */
    private static final MetricTarget SHOP_FINE = new MetricTarget("shop-ns", "shop", Duration.ofSeconds(2));
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofSeconds(1);
    private static DemoFormatMetricsServer demo;
    private static PrometheusProcess prometheus;
    private static PrometheusSource source;

    @BeforeAll
    static void startPrometheusScrapingTheDemo() throws Exception {
        demo = new DemoFormatMetricsServer(List.of(
                new DemoFormatMetricsServer.PodSpec("shop-ns", "shop", "shop-7d9f8c6b5-abcde", "stable", 0.001, 0.040),
                new DemoFormatMetricsServer.PodSpec("shop-ns", "shop", "shop-7d9f8c6b5-fghij", "stable", 0.001, 0.040),
                new DemoFormatMetricsServer.PodSpec("shop-ns", "shop-baseline", "shop-baseline-6c8d7f-klmno", "baseline", 0.001, 0.040),
                new DemoFormatMetricsServer.PodSpec("shop-ns", "shop-canary", "shop-canary-5b7c9d-pqrst", "canary", 0.10, 0.040),
                new DemoFormatMetricsServer.PodSpec("other-ns", "shop", "shop-7d9f8c6b5-zzzzz", "canary", 0.5, 0.040)), 11);
        prometheus = PrometheusProcess.start(List.of(demo.target()), Duration.ofSeconds(1));
        source = PrometheusSource.direct(prometheus.baseUrl().toString(), PrometheusAuth.none(), Duration.ofSeconds(10),
                QueryPreset.DEMO.queries()).withRequestCount(QueryPreset.DEMO.requestCount());
        prometheus.await("8 points of success rate for canary and baseline", Duration.ofSeconds(60), () -> {
            MetricSamples rate = source.range(SHOP, MetricSpec.SUCCESS_RATE, Instant.now().minus(WINDOW), Instant.now(), STEP);
            return rate.of(Track.CANARY).size() >= 8 && rate.of(Track.BASELINE).size() >= 8;
        });
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theJudgeFailsACanaryWithTenPercentServerErrors() {
        Instant now = Instant.now();
        List<MetricSamples> samples = source.rangeAll(SHOP_FINE, now.minus(WINDOW), now, STEP);

        ComparisonReport report = new StatisticalJudge(StatisticalPolicy.defaults()).compare(samples, Track.BASELINE);

        assertThat(report.verdict().outcome()).as(report.verdict().summary()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict().reasons().get(0)).startsWith("success rate over the analysis so far: canary ")
                .contains("vs baseline").contains("too low");
        double canaryMean = report.metrics().get(0).canaryMean();
        assertThat(canaryMean).isBetween(80.0, 96.0);
        assertThat(report.metrics().get(0).controlMean()).isGreaterThan(98.5);
        double[] stableLatency = samples.get(1).of(Track.STABLE).values();
        assertThat(stableLatency).isNotEmpty();
        assertThat(java.util.Arrays.stream(stableLatency).min().orElseThrow()).isGreaterThan(20.0);
        assertThat(java.util.Arrays.stream(stableLatency).max().orElseThrow()).isLessThan(2500.0);
    }

    @Test
    void anAutomaticAnalysisOfTwoIntervalsRejectsTheCanary() {
        EvidenceCollector collector = new EvidenceCollector(Optional.of(source), Optional.empty());
        CanaryJudge judge = CanaryJudge.withDefaults();
        AnalysisPolicy policy = AnalysisPolicy.defaults();
        Instant start = Instant.now().minus(WINDOW);
        AnalysisState progress = AnalysisState.start(start);

        for (int interval = 0; interval < 2; interval++) {
            Instant now = Instant.now();
            Evidence evidence = collector.collect(SHOP_FINE, start, now, STEP);
            assertThat(evidence.sourceErrors()).isEmpty();
            assertThat(evidence.reading().requests().getAsDouble()).as("100 requests/s over a 2 s interval")
                    .isBetween(140.0, 260.0);
            progress = progress.next(judge.judge(evidence, Track.BASELINE), null, now, policy);
        }

        assertThat(progress.decision()).isEqualTo(AnalysisDecision.REJECT);
        assertThat(progress.latest().reasons()).first().asString()
                .matches("canary success rate \\d+\\.\\d % over the last interval is below the minimum 99\\.0 %");
        assertThat(progress.latest().reasons()).anyMatch(r -> r.startsWith("success rate over the analysis so far: ")
                && r.contains("too low"));
    }

    @Test
    void theThresholdCheckFailsTheCanaryFromInstantValues() {
        Map<Track, Double> rates = source.instant(SHOP, MetricSpec.SUCCESS_RATE, Instant.now());
        Map<Track, Double> latencies = source.instant(SHOP, MetricSpec.LATENCY, Instant.now());

        Verdict verdict = new ThresholdCheck(ThresholdPolicy.defaults()).check(new CanaryReading(
                OptionalDouble.of(rates.get(Track.CANARY)), OptionalDouble.of(latencies.get(Track.CANARY)), 0));

        assertThat(rates).containsOnlyKeys(Track.STABLE, Track.BASELINE, Track.CANARY);
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(verdict.reasons().get(0)).startsWith("canary success rate ").endsWith("is below the minimum 99.0 %");
    }

    @Test
    void theRequestCountOfATrackSumsItsPods() {
        Instant now = Instant.now();
        double stable = source.requests(SHOP, Track.STABLE, now).orElseThrow();
        double canary = source.requests(SHOP, Track.CANARY, now).orElseThrow();

        assertThat(source.requests(SHOP, Track.BASELINE, now)).isPresent();
        assertThat(stable / canary).as("two stable pods, one canary pod").isBetween(1.6, 2.4);
    }

    @Test
    void aTargetWithoutTrafficHasNoDataAndTheJudgeSaysInconclusive() {
        MetricTarget missing = new MetricTarget("shop-ns", "nothing-here", Duration.ofSeconds(5));
        Instant now = Instant.now();

        List<MetricSamples> samples = source.rangeAll(missing, now.minus(WINDOW), now, STEP);

        assertThat(samples).allSatisfy(s -> assertThat(s.series()).isEmpty());
        assertThat(new StatisticalJudge(StatisticalPolicy.defaults()).compare(samples, Track.BASELINE).verdict().outcome())
                .isEqualTo(Verdict.Outcome.INCONCLUSIVE);
    }

    @Test
    void aBadQueryGivesPrometheussErrorWithTheQueryAndWhatToDo() {
        PrometheusSource broken = PrometheusSource.direct(prometheus.baseUrl().toString(), PrometheusAuth.none(),
                Duration.ofSeconds(10), List.of(MetricQuery.parseCustom("errors=sum(rate(http_requests_total[{{interval}}])")));

        assertThatThrownBy(() -> broken.instant(SHOP, "errors", Instant.now()))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageStartingWith("Prometheus at " + prometheus.baseUrl() + " rejected the query for stable errors (HTTP 400, bad_data: ")
                .hasMessageContaining("parse error")
                .hasMessageContaining("Query: sum(rate(http_requests_total[10s])")
                .hasMessageContaining("Fix the PromQL");
    }

    @Test
    void aQueryThatDoesNotAggregateIsRefusedClearly() {
        PrometheusSource perPod = PrometheusSource.direct(prometheus.baseUrl().toString(), PrometheusAuth.none(),
                Duration.ofSeconds(10), List.of(MetricQuery.parseCustom(
                        "requests=rate(http_requests_total{namespace=\"{{namespace}}\",track=\"{{track}}\"}[{{interval}}])")));

        assertThatThrownBy(() -> perPod.instant(SHOP, "requests", Instant.now()))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("returned 4 series, one is needed per track: aggregate it");
    }

    @Test
    void aStoppedPrometheusGivesAClearMessage() throws Exception {
        String url;
        try (PrometheusProcess shortLived = PrometheusProcess.start(List.of(), Duration.ofSeconds(1))) {
            url = shortLived.baseUrl().toString();
            shortLived.stop();
            assertThat(shortLived.isRunning()).isFalse();
        }
        PrometheusSource gone = PrometheusSource.direct(url, PrometheusAuth.none(), Duration.ofSeconds(5), QueryPreset.DEMO.queries());

        assertThatThrownBy(() -> gone.instant(SHOP, MetricSpec.SUCCESS_RATE, Instant.now()))
                .isInstanceOf(PrometheusUnreachableException.class)
                .hasMessageStartingWith("Cannot connect to Prometheus at " + url)
                .hasMessageContaining("Check that Prometheus is running");
        Evidence evidence = new EvidenceCollector(Optional.of(gone), Optional.empty()).collect(SHOP, Instant.now().minus(WINDOW), Instant.now(), STEP);
        Verdict verdict = CanaryJudge.withDefaults().judge(evidence, Track.BASELINE);
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(verdict.reasons()).first().asString().startsWith("Cannot connect to Prometheus at " + url);
    }
}
