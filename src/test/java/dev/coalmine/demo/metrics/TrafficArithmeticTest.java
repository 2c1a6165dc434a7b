package dev.coalmine.demo.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The parts of the demo source that do Prometheus's work: parsing, counter increases, histogram quantiles. */
class TrafficArithmeticTest {
    @Test
    void parsesSamplesWithEscapedLabelsAndSkipsComments() {
        List<PrometheusTextParser.Sample> samples = PrometheusTextParser.parse("""
                # HELP http_requests_total Total HTTP requests served, by response code.
                # TYPE http_requests_total counter
                http_requests_total{namespace="shop",pod="web-1",deployment="web",track="stable",code="200"} 1027
                http_request_duration_seconds_bucket{namespace="shop",pod="a\\"b\\\\c",le="+Inf"} 12 1700000000000

                up 1
                """);
        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).labels()).containsEntry("code", "200").containsEntry("track", "stable");
        assertThat(samples.get(0).value()).isEqualTo(1027);
        assertThat(samples.get(1).labels()).containsEntry("pod", "a\"b\\c").containsEntry("le", "+Inf");
        assertThat(samples.get(2)).isEqualTo(new PrometheusTextParser.Sample("up", Map.of(), 1));
    }

    @Test
    void snapshotsSumCodesPerPodAndCountFiveHundredsAsErrors() {
        TrafficSnapshot snapshot = TrafficSnapshot.of(Instant.EPOCH, PrometheusTextParser.parse("""
                http_requests_total{namespace="shop",pod="p",deployment="web",track="canary",code="200"} 90
                http_requests_total{namespace="shop",pod="p",deployment="web",track="canary",code="404"} 5
                http_requests_total{namespace="shop",pod="p",deployment="web",track="canary",code="503"} 5
                http_request_duration_seconds_bucket{namespace="shop",pod="p",deployment="web",track="canary",le="0.1"} 60
                http_request_duration_seconds_bucket{namespace="shop",pod="p",deployment="web",track="canary",le="+Inf"} 100
                """));
        PodCounters pod = snapshot.pods().get(new TrafficSnapshot.PodKey("shop", "p", "web", "canary"));
        assertThat(pod.requests()).isEqualTo(100);
        assertThat(pod.errors()).isEqualTo(5);
        assertThat(new TrackTraffic(pod).successRatePercent()).isEqualTo(95.0);
    }

    @Test
    void aScrapeSharesThePodsLabelsWithTheScrapeBeforeAndKeepsItsOwnNumbers() {
        String page = """
                http_requests_total{namespace="shop",pod="p",deployment="web",track="canary",code="200"} %d
                http_request_duration_seconds_bucket{namespace="shop",pod="p",deployment="web",track="canary",le="0.1"} %d
                http_request_duration_seconds_bucket{namespace="shop",pod="p",deployment="web",track="canary",le="+Inf"} %d
                """;
        TrafficSnapshot first = TrafficSnapshot.of(Instant.EPOCH, PrometheusTextParser.parse(page.formatted(10, 8, 10)));
        TrafficSnapshot second = TrafficSnapshot.of(Instant.EPOCH.plusSeconds(1),
                PrometheusTextParser.parse(page.formatted(30, 20, 30)), first);

        assertThat(second.keys().iterator().next()).isSameAs(first.keys().iterator().next());
        TrafficSnapshot.PodKey pod = new TrafficSnapshot.PodKey("shop", "p", "web", "canary");
        assertThat(second.counters(pod).since(first.counters(pod)))
                .isEqualTo(new PodCounters(20, 0, Map.of(0.1, 12.0, Double.POSITIVE_INFINITY, 20.0)));
    }

    @Test
    void increasesTreatACounterThatWentDownAsAResetPod() {
        PodCounters before = new PodCounters(1000, 10, Map.of(0.1, 900.0, Double.POSITIVE_INFINITY, 1000.0));
        PodCounters grown = new PodCounters(1100, 12, Map.of(0.1, 990.0, Double.POSITIVE_INFINITY, 1100.0));
        PodCounters restarted = new PodCounters(40, 1, Map.of(0.1, 30.0, Double.POSITIVE_INFINITY, 40.0));

        assertThat(grown.since(before)).isEqualTo(new PodCounters(100, 2, Map.of(0.1, 90.0, Double.POSITIVE_INFINITY, 100.0)));
        assertThat(restarted.since(before)).isEqualTo(restarted);
        assertThat(restarted.since(null)).as("a pod that appeared in the window").isEqualTo(restarted);
    }

    @Test
    void quantilesInterpolateWithinBucketsAsHistogramQuantileDoes() {
        TreeMap<Double, Double> buckets = new TreeMap<>(Map.of(0.1, 50.0, 0.2, 100.0, Double.POSITIVE_INFINITY, 100.0));
        assertThat(TrackTraffic.quantile(0.5, buckets)).isCloseTo(0.1, within(1e-12));
        assertThat(TrackTraffic.quantile(0.75, buckets)).isCloseTo(0.15, within(1e-12));
        assertThat(TrackTraffic.quantile(0.25, buckets)).isCloseTo(0.05, within(1e-12));

        TreeMap<Double, Double> slowTail = new TreeMap<>(Map.of(0.1, 90.0, Double.POSITIVE_INFINITY, 100.0));
        assertThat(TrackTraffic.quantile(0.99, slowTail)).as("the +Inf bucket answers its lower bound").isEqualTo(0.1);
        assertThat(TrackTraffic.quantile(0.99, new TreeMap<>(Map.of(Double.POSITIVE_INFINITY, 0.0)))).isNaN();
        assertThat(new TrackTraffic(PodCounters.zero()).successRatePercent()).as("no requests is no value").isNaN();
    }
}
