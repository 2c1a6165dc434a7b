package dev.coalmine.addon;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Something the composition root plugs in that only some clusters have (the demo's simulated metrics and trainer
 * controls). It looks at each cluster once, when the console or the CLI connects, and registers its parts only
 * where they belong, so the product never guesses from names.
 */
@FunctionalInterface
public interface ClusterAddOn {
    ClusterAddOn NONE = client -> ClusterExtras.none();

    /** What this add-on registers on the cluster behind {@code client}; blocking (API calls), never throws. */
    ClusterExtras detect(KubernetesClient client);
}
