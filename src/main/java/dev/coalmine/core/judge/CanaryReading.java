package dev.coalmine.core.judge;

import java.util.OptionalDouble;

/**
 * What was measured of the canary over one analysis interval.
 *
 * @param successRatePercent empty when there was no traffic (or the query found no series)
 * @param restarts           container restarts of all canary pods
 */
public record CanaryReading(OptionalDouble successRatePercent, OptionalDouble latencyMs, int restarts) {
}
