package dev.coalmine.core.judge;

/**
 * A judged metric.
 *
 * @param tolerance relative difference of the means (0.05 = 5 %) below which even a statistically
 *                  significant difference passes; it keeps tiny but real shifts from failing a release
 * @param critical  a failure of this metric fails the whole verdict whatever the score
 * @param statistic what the value aggregates, shown beside the name ("p99", "mean"); empty when unknown
 */
public record MetricSpec(String name, MetricUnit unit, MetricDirection direction, double tolerance, boolean critical,
                         String statistic) {
    public static final String SUCCESS_RATE = "success rate";
    public static final String LATENCY = "latency";

    public MetricSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
        statistic = statistic == null ? "" : statistic;
    }

    /** A metric whose aggregation is not known. */
    public MetricSpec(String name, MetricUnit unit, MetricDirection direction, double tolerance, boolean critical) {
        this(name, unit, direction, tolerance, critical, "");
    }

    /** Share of requests answered without a 5xx, in percent (0–100). */
    public static MetricSpec successRate() {
        return new MetricSpec(SUCCESS_RATE, MetricUnit.PERCENT, MetricDirection.LOWER_IS_BAD, 0.01, true);
    }

    /** Request latency in milliseconds, the 99th percentile (what the presets but NGINX's query). */
    public static MetricSpec latency() {
        return new MetricSpec(LATENCY, MetricUnit.MILLISECONDS, MetricDirection.HIGHER_IS_BAD, 0.20, false, "p99");
    }

    /** An operator's own query: any significant change beyond 10 % fails. */
    public static MetricSpec custom(String name) {
        return new MetricSpec(name, MetricUnit.NONE, MetricDirection.EITHER_IS_BAD, 0.10, false);
    }

    /** The name with its statistic, as a chart or a table heads it: "latency p99", "success rate". */
    public String title() {
        return statistic.isEmpty() ? name : name + " " + statistic;
    }

    public MetricSpec withCritical(boolean value) {
        return new MetricSpec(name, unit, direction, tolerance, value, statistic);
    }

    public MetricSpec withTolerance(double value) {
        return new MetricSpec(name, unit, direction, value, critical, statistic);
    }

    public MetricSpec withDirection(MetricDirection value) {
        return new MetricSpec(name, unit, value, tolerance, critical, statistic);
    }

    public MetricSpec withStatistic(String value) {
        return new MetricSpec(name, unit, direction, tolerance, critical, value);
    }
}
