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
 * @param engine the phase and weight when this is an Argo Rollout or a Flagger Canary, empty for a Deployment
 */
public record WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
        int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track,
        long generation, long observedGeneration, int totalReplicas, Optional<EngineStatus> engine) {

    /** One container of the pod template and the image it runs; {@code init} for an init container. */
    public record ContainerImage(String container, String image, boolean init) {
        /** A container of the app (not an init container). */
        public ContainerImage(String container, String image) {
            this(container, image, false);
        }

        /** "migrate (init container)", "web". */
        public String label() {
            return init ? container + " (init container)" : container;
        }
    }

    public WorkloadSummary {
        containers = List.copyOf(containers);
    }

    /** A Deployment. */
    public WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
            int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track,
            long generation, long observedGeneration, int totalReplicas) {
        this(namespace, name, desiredReplicas, readyReplicas, updatedReplicas, availableReplicas, containers, track,
                generation, observedGeneration, totalReplicas, Optional.empty());
    }

    /** A summary whose status is known to describe the current spec, with no old replicas left. */
    public WorkloadSummary(String namespace, String name, int desiredReplicas, int readyReplicas,
            int updatedReplicas, int availableReplicas, List<ContainerImage> containers, Optional<String> track) {
        this(namespace, name, desiredReplicas, readyReplicas, updatedReplicas, availableReplicas, containers, track,
                0, 0, updatedReplicas);
    }

    /** Deployment, Rollout or Canary. */
    public String kind() {
        return engine.map(e -> e.kind().resource()).orElse("Deployment");
    }

    /** Unique in a namespace's list: a Rollout or a Canary is often named like the Deployment it uses. */
    public String key() {
        return kind() + "/" + name;
    }

    public boolean isDeployment() {
        return engine.isEmpty();
    }

    /** The images the app's containers run (init containers left out, as kubectl's IMAGES column does). */
    public List<String> images() {
        return containers.stream().filter(c -> !c.init()).map(ContainerImage::image).toList();
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
        // A Canary has no replicas of its own: its Deployments are listed beside it.
        if (engine.filter(e -> e.kind() == EngineStatus.Kind.CANARY).isPresent()) {
            return "–";
        }
        return readyReplicas + "/" + desiredReplicas;
    }

    public String imagesText() {
        return String.join(", ", images());
    }
}
