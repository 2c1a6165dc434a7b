package dev.coalmine.metrics;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A simulated cluster's own request metrics, read without Prometheus (the demo's). Registered by the composition
 * root only on a cluster that has them; the judge settings' {@code demo} location reads them.
 */
@FunctionalInterface
public interface SimulatedMetrics {
    /** Opens a source on the cluster behind {@code client}; it may sample in the background until closed. */
    MetricSource open(KubernetesClient client);
}
