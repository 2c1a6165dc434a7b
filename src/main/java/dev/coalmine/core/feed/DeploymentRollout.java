package dev.coalmine.core.feed;

/**
 * The fields of a Deployment that {@code kubectl rollout status} reads. {@code specReplicas} is null when
 * the spec leaves replicas unset; {@code progressingReason} is the reason of the Progressing condition, or null.
 */
public record DeploymentRollout(String name, long generation, long observedGeneration, Integer specReplicas,
                                int updatedReplicas, int replicas, int availableReplicas, String progressingReason) {
}
