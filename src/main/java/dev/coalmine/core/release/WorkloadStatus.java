package dev.coalmine.core.release;

import java.util.List;

/**
 * What the driver saw of one Deployment (stable, canary or baseline).
 *
 * @param release the {@code coalmine.dev/release} label of its pod template, or null
 * @param problem why it cannot become ready (e.g. "ImagePullBackOff: …"), or null
 */
public record WorkloadStatus(boolean exists, Integer release, int desiredReplicas, int replicas,
                             int updatedReplicas, int readyReplicas, int availableReplicas,
                             long generation, long observedGeneration, List<String> images, String problem) {

    public WorkloadStatus {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public static WorkloadStatus absent() {
        return new WorkloadStatus(false, null, 0, 0, 0, 0, 0, 0, 0, List.of(), null);
    }

    /**
     * A Deployment with the track's name that Coalmine may not touch ({@code why} names it and its manager): it
     * counts as absent, so nothing waits for it, changes it or deletes it, and its problem says why.
     */
    public static WorkloadStatus notOurs(String why) {
        return new WorkloadStatus(false, null, 0, 0, 0, 0, 0, 0, 0, List.of(), why);
    }

    public boolean isNotOurs() {
        return !exists && problem != null;
    }

    /** The same status with {@code found} as its problem (null: none). */
    public WorkloadStatus withProblem(String found) {
        return new WorkloadStatus(exists, release, desiredReplicas, replicas, updatedReplicas, readyReplicas,
                availableReplicas, generation, observedGeneration, images, found);
    }

    /** Its pod template belongs to release {@code number}. */
    public boolean isRelease(int number) {
        return exists && release != null && release == number;
    }

    /** The controller saw the latest spec and every pod runs it and is ready (kubectl rollout status). */
    public boolean steady() {
        return exists && observedGeneration >= generation && updatedReplicas == desiredReplicas
                && replicas == desiredReplicas && readyReplicas == desiredReplicas
                && availableReplicas == desiredReplicas;
    }

    public boolean hasProblem() {
        return problem != null;
    }

    public String readiness() {
        return readyReplicas + "/" + desiredReplicas + " ready";
    }
}
