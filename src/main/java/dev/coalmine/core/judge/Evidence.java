package dev.coalmine.core.judge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one analysis interval gathered: the canary's current reading for the threshold checks, the series of
 * every metric for the statistical comparison, what could not be read (each a message for the operator), and the
 * CPU and memory per track when the cluster serves them (empty otherwise; not judged).
 */
public record Evidence(CanaryReading reading, List<MetricSamples> samples, List<String> sourceErrors,
                       Map<Track, TrackUsage> usage) {
    public Evidence {
        samples = List.copyOf(samples);
        sourceErrors = List.copyOf(sourceErrors);
        usage = Map.copyOf(usage);
    }

    /** Evidence without resource usage. */
    public Evidence(CanaryReading reading, List<MetricSamples> samples, List<String> sourceErrors) {
        this(reading, samples, sourceErrors, Map.of());
    }

    /** The same evidence with every series cut to the points at or after {@code from}: a judge's window of it. */
    public Evidence since(Instant from) {
        return new Evidence(reading, samples.stream().map(s -> s.since(from)).toList(), sourceErrors);
    }
}
