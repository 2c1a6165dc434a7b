package dev.coalmine.demo.sim;

import dev.coalmine.demo.sim.EventRecorder.Source;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The horizontal-pod-autoscaler for autoscaling/v2 HPAs whose target is a Deployment and whose metrics are
 * Resource metrics (cpu, memory): reads the pods' metrics.k8s.io usage that the traffic simulation publishes,
 * sets the Deployment's replicas between min and max, and reports status, conditions and events.
 */
final class HorizontalPodAutoscalerController {
    private static final Logger LOG = LoggerFactory.getLogger(HorizontalPodAutoscalerController.class);
    private static final Source SOURCE = new Source("horizontal-pod-autoscaler", null);

    private final KubernetesClient client;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final HpaStatus status;
    private final Map<String, ScaleDownStabilization> stabilization = new HashMap<>();

    HorizontalPodAutoscalerController(KubernetesClient client, ClusterWriter writer, EventRecorder events) {
        this.client = client;
        this.writer = writer;
        this.events = events;
        this.status = new HpaStatus(writer);
    }

    void reconcile(ClusterSnapshot snapshot) {
        List<HorizontalPodAutoscaler> autoscalers = client.autoscaling().v2().horizontalPodAutoscalers()
                .inAnyNamespace().list().getItems();
        if (autoscalers.isEmpty()) {
            return;
        }
        Map<String, PodMetrics> metrics = new HashMap<>();
        client.resources(PodMetrics.class).inAnyNamespace().list().getItems().forEach(m ->
                metrics.put(m.getMetadata().getNamespace() + "/" + m.getMetadata().getName(), m));
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            try {
                reconcile(hpa, snapshot, metrics);
            } catch (RuntimeException e) {
                LOG.debug("hpa {}/{}: {}", hpa.getMetadata().getNamespace(), hpa.getMetadata().getName(), e.toString());
            }
        }
        stabilization.keySet().retainAll(autoscalers.stream().map(h -> h.getMetadata().getUid()).toList());
    }

    private void reconcile(HorizontalPodAutoscaler hpa, ClusterSnapshot snapshot, Map<String, PodMetrics> metrics) {
        var ref = hpa.getSpec().getScaleTargetRef();
        Optional<Deployment> target = snapshot.deployments().stream()
                .filter(d -> "Deployment".equals(ref.getKind()) && d.getMetadata().getName().equals(ref.getName())
                        && d.getMetadata().getNamespace().equals(hpa.getMetadata().getNamespace()))
                .findFirst();
        if (target.isEmpty()) {
            status.targetMissing(hpa, ref.getName(), snapshot.now());
            return;
        }
        Deployment deployment = target.get();
        int current = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        int running = deployment.getStatus() == null || deployment.getStatus().getReplicas() == null ? 0
                : deployment.getStatus().getReplicas();
        List<Pod> pods = readyPodsOf(deployment, snapshot);
        List<MetricStatus> statuses = new ArrayList<>();
        int desired = 0;
        boolean above = false;
        for (MetricSpec spec : hpa.getSpec().getMetrics()) {
            if (!"Resource".equals(spec.getType())) {
                continue;
            }
            Optional<ResourceMetricReading> reading;
            try {
                reading = ResourceMetricReading.of(spec, pods, metrics);
            } catch (ResourceMetricReading.MissingRequest e) {
                warnOnChange(hpa, "FailedGetResourceMetric", e.getMessage());
                status.metricFailed(hpa, running, current, e.getMessage(), snapshot.now());
                return;
            }
            if (reading.isEmpty()) {
                return;
            }
            statuses.add(reading.get().status());
            if (reading.get().desired() >= desired) {
                desired = reading.get().desired();
                above = reading.get().above();
            }
        }
        if (statuses.isEmpty()) {
            return;
        }
        int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas();
        int recommended = stabilization.computeIfAbsent(hpa.getMetadata().getUid(), u -> new ScaleDownStabilization())
                .recommend(Math.max(min, Math.min(max, desired)), snapshot.now(), hpa);
        String lastScaleTime = HpaStatus.lastScaleTime(hpa);
        if (recommended != current) {
            writer.mergePatch(deployment, Map.of("spec", Map.of("replicas", recommended)));
            boolean percent = statuses.get(0).getResource().getCurrent().getAverageUtilization() != null;
            events.normal(hpa, SOURCE, "SuccessfulRescale", "New size: " + recommended + "; reason: "
                    + statuses.get(0).getResource().getName() + " resource "
                    + (percent ? "utilization (percentage of request) " : "") + (above ? "above" : "below") + " target");
            lastScaleTime = Timestamps.format(snapshot.now());
        }
        status.scaled(hpa, new HpaStatus.Scaling(running, recommended, desired, min, max), statuses, lastScaleTime,
                snapshot.now());
    }

    private static List<Pod> readyPodsOf(Deployment deployment, ClusterSnapshot snapshot) {
        List<Pod> pods = new ArrayList<>();
        for (var rs : snapshot.replicaSetsOf(deployment)) {
            snapshot.podsOf(rs).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .filter(PodReadiness::isReady).forEach(pods::add);
        }
        return pods;
    }

    /** Reports a failure when it starts, not on every pass. */
    private void warnOnChange(HorizontalPodAutoscaler hpa, String reason, String message) {
        boolean reported = hpa.getStatus() != null && hpa.getStatus().getConditions() != null
                && hpa.getStatus().getConditions().stream().anyMatch(c -> reason.equals(c.getReason()));
        if (!reported) {
            events.warning(hpa, SOURCE, reason, message);
        }
    }
}
