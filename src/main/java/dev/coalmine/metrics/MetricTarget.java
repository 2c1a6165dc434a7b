package dev.coalmine.metrics;

import java.time.Duration;

/**
 * Whose metrics to read: the release's Deployment (its tracks are {@code name}, {@code name-baseline},
 * {@code name-canary}) in a namespace, with the window of rates ({@code {{interval}}} in queries).
 */
public record MetricTarget(String namespace, String deployment, Duration interval) {
    public MetricTarget {
        if (namespace == null || namespace.isBlank() || deployment == null || deployment.isBlank()) {
            throw new IllegalArgumentException("a metric target needs a namespace and a deployment");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the rate interval must be positive");
        }
    }

    /** The interval as PromQL writes durations: {@code 30s}, {@code 1500ms}. */
    public String promqlInterval() {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
    }
}
