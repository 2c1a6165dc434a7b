package dev.coalmine.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A client of the demo cluster (or any) that introduces itself with a User-Agent of its own, so the server counts its
 * requests apart and treats it as an API client: the demo's own client is never faulted nor refused by its RBAC rules.
 */
public final class AgentClient {
    private AgentClient() {
    }

    public static KubernetesClient of(Config config, String userAgent) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(config).withUserAgent(userAgent).build()).build();
    }
}
