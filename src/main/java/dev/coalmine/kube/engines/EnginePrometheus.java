package dev.coalmine.kube.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Prometheus an engine's own analysis reads, for its view's charts on a cluster that is not the demo: the
 * address of the namespace's first AnalysisTemplate with a Prometheus provider (Argo) or MetricTemplate of type
 * prometheus (Flagger), with the preset of the mesh the Rollout routes through or the Canary names
 * ({@code spec.provider}), Istio's when it says none. An in-cluster address is reached through the API server's
 * service proxy, as the judge reaches {@code --prometheus-service}.
 */
public final class EnginePrometheus {
    private EnginePrometheus() {
    }

    /** For the Rollout {@code name}; empty when no AnalysisTemplate of the namespace names a Prometheus (or may not be read). */
    public static Optional<JudgeSettings> ofRollout(KubernetesClient client, String namespace, String name) {
        Optional<JsonNode> rollout = read(client, EngineApis.ROLLOUTS, namespace, name);
        JsonNode routing = rollout.map(r -> r.path("spec").path("strategy").path("canary").path("trafficRouting"))
                .orElse(MissingNode.getInstance());
        String preset = routing.has("nginx") ? "nginx" : routing.has("smi") ? "linkerd" : "istio";
        return address(client, EngineApis.ANALYSIS_TEMPLATES, namespace,
                t -> firstText(t.path("spec").path("metrics").findValues("prometheus"), "address"))
                .map(address -> JudgeSettings.defaults(location(address, namespace)).withPreset(preset));
    }

    /** For the Canary {@code name}; empty when no MetricTemplate of the namespace names a Prometheus (or may not be read). */
    public static Optional<JudgeSettings> ofCanary(KubernetesClient client, String namespace, String name) {
        String provider = read(client, EngineApis.CANARIES, namespace, name)
                .map(c -> c.path("spec").path("provider").asText("")).orElse("");
        String preset = List.of("linkerd", "nginx").contains(provider) ? provider : "istio";
        return address(client, EngineApis.METRIC_TEMPLATES, namespace, t -> {
            JsonNode p = t.path("spec").path("provider");
            return p.path("type").asText("prometheus").equals("prometheus") ? p.path("address").asText("") : "";
        }).map(address -> JudgeSettings.defaults(location(address, namespace)).withPreset(preset));
    }

    /**
     * Where the console reads {@code address}: a Service's cluster address ({@code http://prometheus.monitoring:9090},
     * {@code …svc.cluster.local}, or a bare name in {@code namespace}) through the service proxy; any other by URL.
     */
    public static MetricsLocation location(String address, String namespace) {
        URI uri = URI.create(address.trim());
        String host = uri.getHost() == null ? "" : uri.getHost();
        String[] labels = host.split("\\.");
        boolean inCluster = labels.length == 1 || labels.length == 2
                || labels.length >= 3 && labels[2].equals("svc");
        if (host.isEmpty() || !inCluster || host.equals("localhost") || host.matches("[0-9.]+")) {
            return new MetricsLocation.PrometheusUrl(address.trim());
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new MetricsLocation.PrometheusService((labels.length == 1 ? namespace : labels[1]) + "/" + labels[0]
                + ":" + port);
    }

    private static Optional<String> address(KubernetesClient client, ResourceDefinitionContext type, String namespace,
                                            Function<JsonNode, String> addressOf) {
        try {
            return client.genericKubernetesResources(type).inNamespace(namespace).list().getItems().stream()
                    .map(ResourceJson::tree).map(addressOf).filter(a -> !a.isBlank()).findFirst();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> read(KubernetesClient client, ResourceDefinitionContext type, String namespace,
                                           String name) {
        try {
            GenericKubernetesResource found = client.genericKubernetesResources(type).inNamespace(namespace)
                    .withName(name).get();
            return Optional.ofNullable(found).map(ResourceJson::tree);
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static String firstText(List<JsonNode> nodes, String field) {
        return nodes.stream().map(n -> n.path(field).asText("")).filter(s -> !s.isBlank()).findFirst().orElse("");
    }
}
