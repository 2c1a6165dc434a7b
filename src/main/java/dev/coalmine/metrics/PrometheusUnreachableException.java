package dev.coalmine.metrics;

/** Prometheus (or the API server's proxy to it) could not be reached, timed out, or is not Prometheus. */
public class PrometheusUnreachableException extends MetricSourceException {
    public PrometheusUnreachableException(String message) {
        super(message);
    }

    public PrometheusUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PrometheusUnreachableException(String problem, String cliAdvice, Throwable cause) {
        super(problem, cliAdvice, cause);
    }
}
