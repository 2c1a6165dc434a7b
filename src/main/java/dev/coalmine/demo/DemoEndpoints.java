package dev.coalmine.demo;

import dev.coalmine.demo.metrics.LoopbackMetricsUrl;
import dev.coalmine.metrics.MetricSourceException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Demo API servers this process started (host:port) and their metrics pages. */
    private static final Map<String, String> STARTED_HERE = new ConcurrentHashMap<>();

    /** Writes (or replaces) the advertised metrics URL, and remembers it as this process's own. */
    public static void advertiseMetrics(KubernetesClient client, String metricsUrl) {
        STARTED_HERE.put(apiServerOf(client), metricsUrl);
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
            return advertisedMetricsUrl(client).isPresent();
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /**
     * The demo's metrics page, when the cluster is a Coalmine demo cluster that serves one: the page this process
     * started for a demo it runs itself, else the advertised one if it is on a loopback address (anyone who can write
     * the ConfigMap must not be able to point the judge elsewhere).
     *
     * @throws MetricSourceException when the advertised page is not on a loopback address
     */
    public static Optional<String> metricsUrl(KubernetesClient client) {
        String own = STARTED_HERE.get(apiServerOf(client));
        return own != null ? Optional.of(own) : advertisedMetricsUrl(client).map(LoopbackMetricsUrl::require);
    }

    private static Optional<String> advertisedMetricsUrl(KubernetesClient client) {
        ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP).get();
        return Optional.ofNullable(map).map(ConfigMap::getData).map(d -> d.get(METRICS_URL)).filter(u -> !u.isBlank());
    }

    private static String apiServerOf(KubernetesClient client) {
        URL master = client.getMasterUrl();
        return master.getHost() + ":" + (master.getPort() == -1 ? master.getDefaultPort() : master.getPort());
    }
}
