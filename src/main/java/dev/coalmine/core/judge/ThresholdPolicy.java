package dev.coalmine.core.judge;

import java.util.OptionalDouble;

/**
 * Flagger-style limits the canary must meet in every analysis interval.
 *
 * @param minSuccessRatePercent empty when there are no request metrics (Kubernetes health only): not checked
 * @param maxLatencyMs          empty when the metrics have no latency (the Azure sample counter): not checked
 * @param minRequests           fewer canary requests in an interval cannot show the success rate or latency
 *                              (a 10 % faulty canary serves 20 requests without an error one time in eight): such a
 *                              check is inconclusive, not a pass. 0 = any number will do
 */
public record ThresholdPolicy(OptionalDouble minSuccessRatePercent, OptionalDouble maxLatencyMs, int maxCanaryRestarts,
                              int minRequests) {
    public static final int DEFAULT_MIN_REQUESTS = 20;

    /** Limits without a minimum number of requests. */
    public ThresholdPolicy(OptionalDouble minSuccessRatePercent, OptionalDouble maxLatencyMs, int maxCanaryRestarts) {
        this(minSuccessRatePercent, maxLatencyMs, maxCanaryRestarts, 0);
    }

    public ThresholdPolicy {
        if (minSuccessRatePercent.isPresent() && !(minSuccessRatePercent.getAsDouble() >= 0 && minSuccessRatePercent.getAsDouble() <= 100)) {
            throw new IllegalArgumentException("minimum success rate must be between 0 and 100 %, got " + minSuccessRatePercent.getAsDouble());
        }
        if (maxLatencyMs.isPresent() && !(maxLatencyMs.getAsDouble() > 0)) {
            throw new IllegalArgumentException("maximum latency must be more than 0 ms, got " + maxLatencyMs.getAsDouble());
        }
        if (maxCanaryRestarts < 0) {
            throw new IllegalArgumentException("allowed restarts cannot be negative, got " + maxCanaryRestarts);
        }
        if (minRequests < 0) {
            throw new IllegalArgumentException("the minimum number of requests cannot be negative, got " + minRequests);
        }
    }

    /** Success rate at least 99 %, latency at most 500 ms, no canary restarts, judged on 20 requests or more. */
    public static ThresholdPolicy defaults() {
        return new ThresholdPolicy(OptionalDouble.of(99), OptionalDouble.of(500), 0, DEFAULT_MIN_REQUESTS);
    }

    public ThresholdPolicy withMinSuccessRate(double percent) {
        return new ThresholdPolicy(OptionalDouble.of(percent), maxLatencyMs, maxCanaryRestarts, minRequests);
    }

    public ThresholdPolicy withMaxLatencyMs(double ms) {
        return new ThresholdPolicy(minSuccessRatePercent, OptionalDouble.of(ms), maxCanaryRestarts, minRequests);
    }

    public ThresholdPolicy withoutLatency() {
        return new ThresholdPolicy(minSuccessRatePercent, OptionalDouble.empty(), maxCanaryRestarts, minRequests);
    }

    /** Only pod health (restarts) is checked: for a release without request metrics. */
    public ThresholdPolicy withoutRequestMetrics() {
        return new ThresholdPolicy(OptionalDouble.empty(), OptionalDouble.empty(), maxCanaryRestarts, minRequests);
    }

    /** Only restarts and latency: for metrics that have no success rate. */
    public ThresholdPolicy withoutSuccessRate() {
        return new ThresholdPolicy(OptionalDouble.empty(), maxLatencyMs, maxCanaryRestarts, minRequests);
    }

    public ThresholdPolicy withMinRequests(int requests) {
        return new ThresholdPolicy(minSuccessRatePercent, maxLatencyMs, maxCanaryRestarts, requests);
    }

    /** Whether any limit reads request metrics (so their volume matters). */
    public boolean checksRequests() {
        return minSuccessRatePercent.isPresent() || maxLatencyMs.isPresent();
    }
}
