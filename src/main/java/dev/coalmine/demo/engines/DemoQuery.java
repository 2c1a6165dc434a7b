package dev.coalmine.demo.engines;

import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import dev.coalmine.metrics.MetricTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL query over the demo's {@code http_requests_total} and {@code http_request_duration_seconds}, answered
 * from the demo's metrics page instead of a Prometheus: the demo has none. It understands the shapes Coalmine
 * renders (success rate in percent, p99 latency in milliseconds, request count), read from the query's
 * {@code namespace}, {@code deployment} and {@code track} matchers and its range; anything else is not answered.
 */
record DemoQuery(String namespace, String deployment, Track track, String metric, Duration window) {
    static final String REQUESTS = "requests";
    private static final Pattern NAMESPACE = Pattern.compile("namespace=\"([^\"]+)\"");
    private static final Pattern DEPLOYMENT = Pattern.compile("deployment=~?\"([a-z0-9.-]+)");
    private static final Pattern TRACK = Pattern.compile("track=\"([a-z]+)\"");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+[smh])]");

    static Optional<DemoQuery> parse(String promql) {
        Matcher ns = NAMESPACE.matcher(promql);
        Matcher dep = DEPLOYMENT.matcher(promql);
        Matcher range = RANGE.matcher(promql);
        if (!promql.contains("http_request") || !ns.find() || !dep.find() || !range.find()) {
            return Optional.empty();
        }
        Matcher track = TRACK.matcher(promql);
        String metric = promql.contains("histogram_quantile") ? MetricSpec.LATENCY
                : promql.contains("code!~\"5") ? MetricSpec.SUCCESS_RATE
                : promql.contains("increase(http_requests_total") ? REQUESTS : null;
        if (metric == null) {
            return Optional.empty();
        }
        return Optional.of(new DemoQuery(ns.group(1), dep.group(1), track.find() ? Track.ofLabel(track.group(1))
                : Track.STABLE, metric, RolloutSteps.parse(range.group(1))));
    }

    /** The value now; empty when there is no data (as an empty Prometheus vector). */
    OptionalDouble read(DemoMetricsSource source, Instant now) {
        MetricTarget target = new MetricTarget(namespace, deployment, window);
        if (metric.equals(REQUESTS)) {
            return source.requests(target, track, now);
        }
        Double value = source.instant(target, metric, now).get(track);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
