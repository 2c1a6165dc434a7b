package dev.coalmine.metrics;

/** The cluster does not serve metrics.k8s.io (no metrics-server), so CPU and memory are unknown. */
public class MetricsNotServedException extends MetricSourceException {
    public MetricsNotServedException(String message, Throwable cause) {
        super(message, cause);
    }
}
