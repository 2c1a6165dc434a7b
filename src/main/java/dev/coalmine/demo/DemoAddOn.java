package dev.coalmine.demo;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.addon.ClusterExtras;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import dev.coalmine.demo.traffic.TrafficKnobs;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The demo's parts for the console and the CLI: on a cluster that advertises the demo's endpoints (this process's
 * demo or a {@code coalmine demo} elsewhere), its simulated metrics and the trainer's knobs; elsewhere nothing.
 */
public final class DemoAddOn implements ClusterAddOn {
    @Override
    public ClusterExtras detect(KubernetesClient client) {
        if (!DemoEndpoints.advertised(client)) {
            return ClusterExtras.none();
        }
        return new ClusterExtras(Optional.of(DemoMetricsSource::forCluster), Optional.of(new TrafficKnobs(client)));
    }
}
