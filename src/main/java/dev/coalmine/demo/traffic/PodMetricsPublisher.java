package dev.coalmine.demo.traffic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the simulated usage as metrics.k8s.io/v1beta1 PodMetrics and NodeMetrics objects, which the demo API
 * server serves to {@code kubectl top}. Like metrics-server, it refreshes them once per window, not per tick.
 */
final class PodMetricsPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PodMetricsPublisher.class);
    private static final long NODE_BASE_MILLICORES = 120;
    private static final long NODE_BASE_BYTES = 900L * 1024 * 1024;

    private final KubernetesClient client;
    private final Duration window;
    private final Map<String, HasMetadata> published = new HashMap<>();
    private Instant last = Instant.EPOCH;

    PodMetricsPublisher(KubernetesClient client, Duration window) {
        this.client = client;
        this.window = window;
    }

    void publish(List<PodUsage> usage, Instant now) {
        if (now.isBefore(last.plus(window))) {
            return;
        }
        last = now;
        List<String> nodes = client.nodes().list().getItems().stream().map(n -> n.getMetadata().getName()).toList();
        Map<String, HasMetadata> current = new HashMap<>();
        for (PodMetrics pod : PodMetricsView.of(usage, null, now, window).getItems()) {
            current.put("pod/" + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), pod);
        }
        for (String node : nodes) {
            List<PodUsage> onNode = usage.stream().filter(u -> node.equals(u.node())).toList();
            long cpu = NODE_BASE_MILLICORES + onNode.stream().mapToLong(PodUsage::cpuMillicores).sum();
            long memory = NODE_BASE_BYTES + onNode.stream().mapToLong(PodUsage::memoryBytes).sum();
            current.put("node/" + node, new NodeMetricsBuilder().withNewMetadata().withName(node).endMetadata()
                    .withTimestamp(PodMetricsView.timestamp(now)).withWindow(PodMetricsView.window(window))
                    .withUsage(Map.of("cpu", new Quantity(cpu + "m"), "memory", new Quantity(memory / 1024 + "Ki")))
                    .build());
        }
        current.forEach(this::write);
        published.entrySet().removeIf(gone -> {
            if (current.containsKey(gone.getKey())) {
                return false;
            }
            delete(gone.getValue());
            return true;
        });
    }

    private void write(String key, HasMetadata metrics) {
        try {
            if (published.containsKey(key)) {
                client.resource(metrics).patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(metrics));
            } else {
                client.resource(metrics).create();
            }
            published.put(key, metrics);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                published.remove(key);
            }
            LOG.debug("could not store metrics for {}: {}", key, e.getMessage());
        }
    }

    private void delete(HasMetadata metrics) {
        try {
            client.resource(metrics).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("could not delete metrics of {}: {}", metrics.getMetadata().getName(), e.getMessage());
        }
    }
}
