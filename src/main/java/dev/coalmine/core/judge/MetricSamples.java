package dev.coalmine.core.judge;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One metric's time series for each track that has any. */
public record MetricSamples(MetricSpec metric, Map<Track, TimeSeries> series) {
    public MetricSamples {
        EnumMap<Track, TimeSeries> copy = new EnumMap<>(Track.class);
        copy.putAll(series);
        series = Map.copyOf(copy);
    }

    /** The series of one track; empty when the source had none. */
    public TimeSeries of(Track track) {
        return series.getOrDefault(track, TimeSeries.empty());
    }

    /** The same metric with only the points at or after {@code from}. */
    public MetricSamples since(Instant from) {
        Map<Track, TimeSeries> trimmed = new EnumMap<>(Track.class);
        series.forEach((track, points) -> trimmed.put(track, points.since(from)));
        return new MetricSamples(metric, trimmed);
    }
}
