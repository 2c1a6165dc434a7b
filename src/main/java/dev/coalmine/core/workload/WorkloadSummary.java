package dev.coalmine.core.workload;

import java.util.List;
import java.util.Optional;

/**
 * What the workload list shows of one Deployment.
 *
 * @param track the {@code coalmine.dev/track} label when Coalmine made this workload (canary, baseline)
 */
public record WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
        int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track) {

    /** One container of the pod template and the image it runs. */
    public record ContainerImage(String container, String image) {
    }

    public WorkloadSummary {
        containers = List.copyOf(containers);
    }

    public List<String> images() {
        return containers.stream().map(ContainerImage::image).toList();
    }

    public boolean isSteady() {
        return readyReplicas == desiredReplicas && updatedReplicas == desiredReplicas
                && availableReplicas == desiredReplicas;
    }

    public String readiness() {
        return readyReplicas + "/" + desiredReplicas;
    }

    public String imagesText() {
        return String.join(", ", images());
    }
}
