package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;

/**
 * The demo's metrics page as an in-cluster Service, {@code coalmine-demo/demo-metrics:80}, so it can be reached
 * as a real cluster's Prometheus is: through the API server's service proxy
 * ({@code /api/v1/namespaces/coalmine-demo/services/demo-metrics:80/proxy/metrics}). A Service without selector
 * whose Endpoints name the page's loopback address, as one would write for a backend outside the cluster.
 */
public final class DemoMetricsService {
    public static final String NAME = "demo-metrics";
    public static final int PORT = 80;
    private static final String PORT_NAME = "http";

    private DemoMetricsService() {
    }

    static void publish(KubernetesClient client, String metricsUrl) {
        URI page = URI.create(metricsUrl);
        client.services().inNamespace(DemoEndpoints.NAMESPACE).resource(new ServiceBuilder()
                .withNewMetadata().withName(NAME).addToLabels("app.kubernetes.io/managed-by", "coalmine").endMetadata()
                .withNewSpec().addNewPort().withName(PORT_NAME).withPort(PORT).endPort().endSpec()
                .build()).createOr(existing -> existing.update());
        client.endpoints().inNamespace(DemoEndpoints.NAMESPACE).resource(new EndpointsBuilder()
                .withNewMetadata().withName(NAME).addToLabels("app.kubernetes.io/managed-by", "coalmine").endMetadata()
                .addNewSubset().addNewAddress().withIp(page.getHost()).endAddress()
                .addNewPort().withName(PORT_NAME).withPort(page.getPort()).endPort().endSubset()
                .build()).createOr(existing -> existing.update());
    }
}
