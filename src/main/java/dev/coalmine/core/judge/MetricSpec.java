package dev.coalmine.core.judge;

/**
 * A judged metric.
 *
 * @param tolerance relative difference of the means (0.05 = 5 %) below which even a statistically
 *                  significant difference passes; it keeps tiny but real shifts from failing a release
 * @param critical  a failure of this metric fails the whole verdict whatever the score
 */
public record MetricSpec(String name, MetricUnit unit, MetricDirection direction, double tolerance, boolean critical) {
    public static final String SUCCESS_RATE = "success rate";
    public static final String LATENCY = "latency";

    public MetricSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
    }

    /** Share of requests answered without a 5xx, in percent (0–100). */
    public static MetricSpec successRate() {
        return new MetricSpec(SUCCESS_RATE, MetricUnit.PERCENT, MetricDirection.LOWER_IS_BAD, 0.01, true);
    }

    /** Request latency in milliseconds. */
    public static MetricSpec latency() {
        return new MetricSpec(LATENCY, MetricUnit.MILLISECONDS, MetricDirection.HIGHER_IS_BAD, 0.20, false);
    }

    /** An operator's own query: any significant change beyond 10 % fails. */
    public static MetricSpec custom(String name) {
        return new MetricSpec(name, MetricUnit.NONE, MetricDirection.EITHER_IS_BAD, 0.10, false);
    }

    public MetricSpec withCritical(boolean value) {
        return new MetricSpec(name, unit, direction, tolerance, value);
    }

    public MetricSpec withTolerance(double value) {
        return new MetricSpec(name, unit, direction, value, critical);
    }

    public MetricSpec withDirection(MetricDirection value) {
        return new MetricSpec(name, unit, value, tolerance, critical);
    }
}
