package dev.coalmine.metrics;

import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Metrics of a release's tracks. Failures are {@link MetricSourceException}s with operator-ready messages. */
public interface MetricSource extends AutoCloseable {
    /** The metrics this source can read, e.g. success rate and latency of a preset. */
    List<MetricSpec> metrics();

    /** One metric's time series per track over {@code [from, to]} at {@code step}; tracks without data are absent. */
    MetricSamples range(MetricTarget target, String metric, Instant from, Instant to, Duration step);

    /** One metric's value per track at {@code at}; tracks without a value (no traffic) are absent. */
    Map<Track, Double> instant(MetricTarget target, String metric, Instant at);

    /**
     * How many requests {@code track} served in the analysis interval ending at {@code at}, so that a judge does not
     * read a success rate from a handful of requests. Empty when this source cannot count them (or found none).
     */
    default OptionalDouble requests(MetricTarget target, Track track, Instant at) {
        return OptionalDouble.empty();
    }

    /** Where the metrics come from, safe to show (no credentials). */
    String describe();

    /**
     * Whether the source holds data for the whole {@code window} before {@code now}. A source that samples for
     * itself (the demo's) has none from before it was opened; Prometheus keeps history, so by default yes.
     */
    default boolean covers(Duration window, Instant now) {
        return true;
    }

    /** Stops whatever the source runs in the background; by default nothing. */
    @Override
    default void close() {
    }

    /** Every metric over the window, for the statistical judge. */
    default List<MetricSamples> rangeAll(MetricTarget target, Instant from, Instant to, Duration step) {
        return metrics().stream().map(m -> range(target, m.name(), from, to, step)).toList();
    }
}
