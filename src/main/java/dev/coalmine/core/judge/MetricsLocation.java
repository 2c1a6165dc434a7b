package dev.coalmine.core.judge;

/** Where the automatic judge reads request metrics from. */
public sealed interface MetricsLocation {
    /** The embedded demo cluster's own metrics (read directly, without Prometheus). */
    record DemoCluster() implements MetricsLocation {
    }

    /** Prometheus at a URL reachable from this machine. */
    record PrometheusUrl(String url) implements MetricsLocation {
    }

    /** In-cluster Prometheus through the API server's service proxy: {@code namespace/service:port}. */
    record PrometheusService(String namespaceServicePort) implements MetricsLocation {
    }

    /** No request metrics: only pod health (restarts) is judged. */
    record KubernetesOnly() implements MetricsLocation {
    }
}
