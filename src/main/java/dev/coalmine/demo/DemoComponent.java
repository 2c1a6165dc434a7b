package dev.coalmine.demo;

import io.fabric8.kubernetes.client.KubernetesClient;

/** A part of the demo cluster that runs against its API server: controllers, traffic, metrics. */
public interface DemoComponent extends AutoCloseable {
    void start(KubernetesClient client);

    @Override
    void close();
}
