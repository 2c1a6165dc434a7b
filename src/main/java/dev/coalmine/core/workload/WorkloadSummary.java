package dev.coalmine.core.workload;

import java.util.List;
import java.util.Optional;

/**
 * What the workload list shows of one Deployment.
 *
 * @param track the {@code coalmine.dev/track} label when Coalmine made this workload (canary, baseline)
 */
public record WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
        int updatedReplicas, int availableReplicas, List<String> images, Optional<String> track) {

    public WorkloadSummary {
        images = List.copyOf(images);
    }

    public boolean isSteady() {
        return readyReplicas == desiredReplicas && updatedReplicas == desiredReplicas
                && availableReplicas == desiredReplicas;
    }

    public String readiness() {
        return readyReplicas + "/" + desiredReplicas;
    }

    public String imagesText() {
        return String.join(", ", images);
    }
}
