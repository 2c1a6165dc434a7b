package dev.coalmine.core.judge;

/** Which way a metric may not move for the canary to stay healthy. */
public enum MetricDirection {
    /** Error rates, latency: only an increase is a problem. */
    HIGHER_IS_BAD,
    /** Success rates, throughput: only a decrease is a problem. */
    LOWER_IS_BAD,
    /** Custom metrics of unknown meaning: any significant change is a problem. */
    EITHER_IS_BAD;

    public boolean tolerates(Classification classification) {
        return switch (classification) {
            case PASS -> true;
            case NO_DATA -> false;
            case HIGH -> this == LOWER_IS_BAD;
            case LOW -> this == HIGHER_IS_BAD;
        };
    }
}
