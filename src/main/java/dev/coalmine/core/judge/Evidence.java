package dev.coalmine.core.judge;

import java.time.Instant;
import java.util.List;

/**
 * What one analysis interval gathered: the canary's current reading for the threshold checks, the series of
 * every metric for the statistical comparison, and what could not be read (each a message for the operator).
 */
public record Evidence(CanaryReading reading, List<MetricSamples> samples, List<String> sourceErrors) {
    public Evidence {
        samples = List.copyOf(samples);
        sourceErrors = List.copyOf(sourceErrors);
    }

    /** The same evidence with every series cut to the points at or after {@code from}: a judge's window of it. */
    public Evidence since(Instant from) {
        return new Evidence(reading, samples.stream().map(s -> s.since(from)).toList(), sourceErrors);
    }
}
