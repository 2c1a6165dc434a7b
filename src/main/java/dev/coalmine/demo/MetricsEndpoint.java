package dev.coalmine.demo;

/** Implemented by a {@link DemoComponent} that serves Prometheus metrics over HTTP. */
public interface MetricsEndpoint {
    /** The full URL of the metrics page, e.g. {@code http://127.0.0.1:PORT/metrics}. */
    String metricsUrl();
}
