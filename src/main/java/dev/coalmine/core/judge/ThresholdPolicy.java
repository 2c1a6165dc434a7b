package dev.coalmine.core.judge;

import java.util.OptionalDouble;

/**
 * Flagger-style limits the canary must meet in every analysis interval.
 *
 * @param minSuccessRatePercent empty when there are no request metrics (Kubernetes health only): not checked
 * @param maxLatencyMs          empty when the metrics have no latency (the Azure sample counter): not checked
 */
public record ThresholdPolicy(OptionalDouble minSuccessRatePercent, OptionalDouble maxLatencyMs, int maxCanaryRestarts) {
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
    }

    /** Success rate at least 99 %, latency at most 500 ms, no canary restarts. */
    public static ThresholdPolicy defaults() {
        return new ThresholdPolicy(OptionalDouble.of(99), OptionalDouble.of(500), 0);
    }

    public ThresholdPolicy withMinSuccessRate(double percent) {
        return new ThresholdPolicy(OptionalDouble.of(percent), maxLatencyMs, maxCanaryRestarts);
    }

    public ThresholdPolicy withMaxLatencyMs(double ms) {
        return new ThresholdPolicy(minSuccessRatePercent, OptionalDouble.of(ms), maxCanaryRestarts);
    }

    public ThresholdPolicy withoutLatency() {
        return new ThresholdPolicy(minSuccessRatePercent, OptionalDouble.empty(), maxCanaryRestarts);
    }

    /** Only pod health (restarts) is checked: for a release without request metrics. */
    public ThresholdPolicy withoutRequestMetrics() {
        return new ThresholdPolicy(OptionalDouble.empty(), OptionalDouble.empty(), maxCanaryRestarts);
    }
}
