package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Where the demo cluster serves what a real cluster would not have, advertised in the cluster itself (ConfigMap
 * {@code coalmine-demo-endpoints} in namespace {@code coalmine-demo}), so a console or CLI in another process
 * finds the demo's metrics page with nothing but a kubeconfig.
 */
public final class DemoEndpoints {
    public static final String NAMESPACE = DemoSeed.DEMO_NAMESPACE;
    public static final String CONFIG_MAP = "coalmine-demo-endpoints";
    public static final String METRICS_URL = "metrics-url";

    private DemoEndpoints() {
    }

    /** Writes (or replaces) the advertised metrics URL. */
    public static void advertiseMetrics(KubernetesClient client, String metricsUrl) {
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(CONFIG_MAP).withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/managed-by", "coalmine").endMetadata()
                .addToData(METRICS_URL, metricsUrl).build()).createOr(existing -> existing.update());
    }

    /**
     * Whether the cluster is a Coalmine demo cluster: it advertises the demo's endpoints. A cluster that forbids
     * reading them is not one.
     */
    public static boolean advertised(KubernetesClient client) {
        try {
            return metricsUrl(client).isPresent();
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /** The demo's metrics page, when the cluster is a Coalmine demo cluster that serves one. */
    public static Optional<String> metricsUrl(KubernetesClient client) {
        ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP).get();
        return Optional.ofNullable(map).map(ConfigMap::getData).map(d -> d.get(METRICS_URL)).filter(u -> !u.isBlank());
    }
}
