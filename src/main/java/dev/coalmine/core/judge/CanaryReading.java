package dev.coalmine.core.judge;

import java.util.OptionalDouble;

/**
 * What was measured of the canary over one analysis interval.
 *
 * @param successRatePercent empty when there was no traffic (or the query found no series)
 * @param restarts           container restarts of all canary pods
 * @param requests           requests the canary served in the interval; empty when the source cannot count them
 */
public record CanaryReading(OptionalDouble successRatePercent, OptionalDouble latencyMs, int restarts,
                            OptionalDouble requests) {
    /** A reading from a source that does not count requests. */
    public CanaryReading(OptionalDouble successRatePercent, OptionalDouble latencyMs, int restarts) {
        this(successRatePercent, latencyMs, restarts, OptionalDouble.empty());
    }
}
