package dev.coalmine.core.workload;

import dev.coalmine.core.feed.DeploymentRollout;
import dev.coalmine.core.feed.RolloutStatus;
import dev.coalmine.core.feed.RolloutStatuses;
import java.util.List;
import java.util.Optional;

/**
 * What the workload list shows of one Deployment.
 *
 * @param track the {@code coalmine.dev/track} label when Coalmine made this workload (canary, baseline)
 * @param generation the Deployment's {@code metadata.generation}: bumped by every change of its spec
 * @param observedGeneration the generation the Deployment controller has acted on ({@code status.observedGeneration});
 *        until it reaches {@code generation}, the counts describe the previous spec
 * @param totalReplicas {@code status.replicas}: pods of every template, so old replicas still running count here
 */
public record WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
        int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track,
        long generation, long observedGeneration, int totalReplicas) {

    /** One container of the pod template and the image it runs. */
    public record ContainerImage(String container, String image) {
    }

    public WorkloadSummary {
        containers = List.copyOf(containers);
    }

    /** A summary whose status is known to describe the current spec, with no old replicas left. */
    public WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
            int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track) {
        this(namespace, name, desiredReplicas, readyReplicas, updatedReplicas, availableReplicas, containers, track,
                0, 0, updatedReplicas);
    }

    public List<String> images() {
        return containers.stream().map(ContainerImage::image).toList();
    }

    /**
     * Rolled out, judged as {@code kubectl rollout status} judges a Deployment: the controller has observed the
     * latest spec, every desired replica runs it and is available, and no replica of an older template is left.
     */
    public boolean isSteady() {
        return RolloutStatuses.of(new DeploymentRollout(name, generation, observedGeneration, desiredReplicas,
                updatedReplicas, totalReplicas, availableReplicas, null)).state() == RolloutStatus.State.DONE
                && availableReplicas == desiredReplicas;
    }

    public String readiness() {
        return readyReplicas + "/" + desiredReplicas;
    }

    public String imagesText() {
        return String.join(", ", images());
    }
}
