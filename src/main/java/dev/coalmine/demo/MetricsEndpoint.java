package dev.coalmine.demo;

/** A demo component that serves Prometheus metrics over HTTP. */
public interface MetricsEndpoint {
    String metricsUrl();
}
