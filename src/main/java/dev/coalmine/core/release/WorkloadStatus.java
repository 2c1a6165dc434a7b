package dev.coalmine.core.release;

import java.util.List;

/**
 * What the driver saw of one Deployment (stable, canary or baseline).
 *
 * @param release the {@code coalmine.dev/release} label of its pod template, or null
 * @param problem why it cannot become ready (e.g. "ImagePullBackOff: …"), or null
 * @param deletionHeldBy null unless its deletion is under way; then the finalizers that still hold it (may be none)
 * @param recreate its strategy is Recreate: an update replaces all its pods at once instead of rolling
 * @param paused its rollouts are paused ({@code kubectl rollout pause}): a new template waits until resumed
 */
public record WorkloadStatus(boolean exists, Integer release, int desiredReplicas, int replicas,
                             int updatedReplicas, int readyReplicas, int availableReplicas,
                             long generation, long observedGeneration, List<String> images, String problem,
                             List<String> deletionHeldBy, boolean recreate, boolean paused) {

    public WorkloadStatus {
        images = images == null ? List.of() : List.copyOf(images);
        deletionHeldBy = deletionHeldBy == null ? null : List.copyOf(deletionHeldBy);
    }

    /** A Deployment that is not being deleted. */
    public WorkloadStatus(boolean exists, Integer release, int desiredReplicas, int replicas, int updatedReplicas,
                          int readyReplicas, int availableReplicas, long generation, long observedGeneration,
                          List<String> images, String problem) {
        this(exists, release, desiredReplicas, replicas, updatedReplicas, readyReplicas, availableReplicas, generation,
                observedGeneration, images, problem, null, false, false);
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
                availableReplicas, generation, observedGeneration, images, found, deletionHeldBy, recreate, paused);
    }

    /** The same status of a Deployment whose deletion is under way, held by {@code finalizers} (maybe none). */
    public WorkloadStatus beingDeleted(List<String> finalizers) {
        return new WorkloadStatus(exists, release, desiredReplicas, replicas, updatedReplicas, readyReplicas,
                availableReplicas, generation, observedGeneration, images, problem, finalizers, recreate, paused);
    }

    /** The same status of a Deployment whose strategy is Recreate. */
    public WorkloadStatus recreating() {
        return new WorkloadStatus(exists, release, desiredReplicas, replicas, updatedReplicas, readyReplicas,
                availableReplicas, generation, observedGeneration, images, problem, deletionHeldBy, true, paused);
    }

    /** The same status of a Deployment whose rollouts are paused. */
    public WorkloadStatus pausedRollouts() {
        return new WorkloadStatus(exists, release, desiredReplicas, replicas, updatedReplicas, readyReplicas,
                availableReplicas, generation, observedGeneration, images, problem, deletionHeldBy, recreate, true);
    }

    /** It exists, and its deletion has been asked for: it goes once its finalizers let go. */
    public boolean isBeingDeleted() {
        return exists && deletionHeldBy != null;
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
