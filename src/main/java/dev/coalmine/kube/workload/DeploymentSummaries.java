package dev.coalmine.kube.workload;

import dev.coalmine.core.workload.WorkloadSummary;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a Deployment the way {@code kubectl get deploy -o wide} does. */
public final class DeploymentSummaries {
    public static final String TRACK_LABEL = "coalmine.dev/track";

    private DeploymentSummaries() {
    }

    public static WorkloadSummary of(Deployment d) {
        DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        Map<String, String> labels = d.getMetadata().getLabels() == null ? Map.of() : d.getMetadata().getLabels();
        Integer desired = d.getSpec() == null ? null : d.getSpec().getReplicas();
        // Until the controller has observed the latest spec, the counts describe the previous template: none of
        // the replicas is known to be updated (kubectl rollout status: "waiting for spec update to be observed").
        int updated = observedLatest(d, status) ? orZero(status.getUpdatedReplicas()) : 0;
        return new WorkloadSummary(
                d.getMetadata().getNamespace(),
                d.getMetadata().getName(),
                desired == null ? 1 : desired,
                orZero(status.getReadyReplicas()),
                updated,
                orZero(status.getAvailableReplicas()),
                d.getSpec() == null ? List.of() : containers(d.getSpec().getTemplate().getSpec()),
                Optional.ofNullable(labels.get(TRACK_LABEL)),
                orZero(d.getMetadata().getGeneration()),
                orZero(status.getObservedGeneration()),
                orZero(status.getReplicas()));
    }

    /** The app's containers, then its init containers. */
    private static List<WorkloadSummary.ContainerImage> containers(PodSpec pod) {
        Stream<WorkloadSummary.ContainerImage> app = pod.getContainers().stream()
                .map(c -> new WorkloadSummary.ContainerImage(c.getName(), c.getImage()));
        Stream<WorkloadSummary.ContainerImage> init = pod.getInitContainers() == null ? Stream.empty()
                : pod.getInitContainers().stream().map(c -> new WorkloadSummary.ContainerImage(c.getName(), c.getImage(), true));
        return Stream.concat(app, init).toList();
    }

    private static boolean observedLatest(Deployment d, DeploymentStatus status) {
        Long generation = d.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        return generation == null || observed != null && observed >= generation;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
