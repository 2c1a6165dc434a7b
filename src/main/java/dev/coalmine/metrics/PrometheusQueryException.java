package dev.coalmine.metrics;

/** Prometheus answered but refused the query (its 400/422 with errorType and error) or returned an unusable result. */
public class PrometheusQueryException extends MetricSourceException {
    private final String errorType;

    public PrometheusQueryException(String message, String errorType) {
        super(message);
        this.errorType = errorType;
    }

    /** Prometheus's errorType, e.g. {@code bad_data}, {@code timeout}, {@code execution}. */
    public String errorType() {
        return errorType;
    }

    /** Prometheus could not parse the query, or it gives no numbers: the query itself must change. */
    public boolean isBadQuery() {
        return "bad_data".equals(errorType);
    }
}
