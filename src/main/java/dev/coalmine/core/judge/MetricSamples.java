package dev.coalmine.core.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One metric's time series for each track that has any.
 *
 * @param window what each point aggregates, ending at the point (a rate's or quantile's {@code [interval]});
 *               {@link Duration#ZERO} when each point stands alone. Points closer together than their window share
 *               requests, which the comparison must not count as independent observations.
 */
public record MetricSamples(MetricSpec metric, Map<Track, TimeSeries> series, Duration window) {
    public MetricSamples {
        EnumMap<Track, TimeSeries> copy = new EnumMap<>(Track.class);
        copy.putAll(series);
        series = Map.copyOf(copy);
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("a window must be zero or positive");
        }
    }

    /** Series whose points each stand alone. */
    public MetricSamples(MetricSpec metric, Map<Track, TimeSeries> series) {
        this(metric, series, Duration.ZERO);
    }

    /** The series of one track; empty when the source had none. */
    public TimeSeries of(Track track) {
        return series.getOrDefault(track, TimeSeries.empty());
    }

    /** The same metric with only the points at or after {@code from}. */
    public MetricSamples since(Instant from) {
        Map<Track, TimeSeries> trimmed = new EnumMap<>(Track.class);
        series.forEach((track, points) -> trimmed.put(track, points.since(from)));
        return new MetricSamples(metric, trimmed, window);
    }

    /**
     * How many consecutive points of {@code track} each request counts in: the window over the points' spacing
     * (1 when they do not overlap).
     */
    public double overlap(Track track) {
        TimeSeries points = of(track);
        int n = points.points().size();
        if (n < 2 || window.isZero()) {
            return 1;
        }
        Duration span = Duration.between(points.points().get(0).at(), points.points().get(n - 1).at());
        double spacingMillis = (double) span.toMillis() / (n - 1);
        return spacingMillis <= 0 ? 1 : Math.max(1, window.toMillis() / spacingMillis);
    }
}
