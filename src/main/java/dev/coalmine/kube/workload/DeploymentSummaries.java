package dev.coalmine.kube.workload;

import dev.coalmine.core.workload.WorkloadSummary;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Map;
import java.util.Optional;

/** Reads a Deployment the way {@code kubectl get deploy -o wide} does. */
public final class DeploymentSummaries {
    public static final String TRACK_LABEL = "coalmine.dev/track";

    private DeploymentSummaries() {
    }

    public static WorkloadSummary of(Deployment d) {
        DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        Map<String, String> labels = d.getMetadata().getLabels() == null ? Map.of() : d.getMetadata().getLabels();
        Integer desired = d.getSpec() == null ? null : d.getSpec().getReplicas();
        return new WorkloadSummary(
                d.getMetadata().getNamespace(),
                d.getMetadata().getName(),
                desired == null ? 1 : desired,
                orZero(status.getReadyReplicas()),
                orZero(status.getUpdatedReplicas()),
                orZero(status.getAvailableReplicas()),
                d.getSpec() == null ? java.util.List.of()
                        : d.getSpec().getTemplate().getSpec().getContainers().stream()
                                .map(c -> new WorkloadSummary.ContainerImage(c.getName(), c.getImage())).toList(),
                Optional.ofNullable(labels.get(TRACK_LABEL)));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
