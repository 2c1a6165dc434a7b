package dev.coalmine.demo.sim;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The demo cluster's API server (real status-subresource, generation and conflict semantics) on 127.0.0.1,
 * without seed workloads and without components: the tests start the simulation they exercise themselves.
 */
public final class EmptyDemoCluster implements AutoCloseable {
    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty());

    public KubernetesClient client() {
        return cluster.client();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
