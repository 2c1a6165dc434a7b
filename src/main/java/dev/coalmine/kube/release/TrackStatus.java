package dev.coalmine.kube.release;

import dev.coalmine.core.release.WorkloadStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Replicas, readiness, images and pods of one track (stable, canary or baseline) as the cluster shows it now.
 *
 * @param pods the track's pods, when they were read (empty otherwise: then readiness is the Deployment's status)
 * @param recreate its strategy is Recreate: an update replaces all its pods at once instead of rolling
 */
public record TrackStatus(boolean exists, int replicas, int readyReplicas, List<String> images, List<PodSummary> pods,
                          boolean recreate) {
    public TrackStatus {
        images = List.copyOf(images);
        pods = pods == null ? List.of() : List.copyOf(pods);
    }

    /** A track whose pods were not read. */
    public TrackStatus(boolean exists, int replicas, int readyReplicas, List<String> images) {
        this(exists, replicas, readyReplicas, images, List.of());
    }

    /** A track that rolls its updates (strategy RollingUpdate, the default). */
    public TrackStatus(boolean exists, int replicas, int readyReplicas, List<String> images, List<PodSummary> pods) {
        this(exists, replicas, readyReplicas, images, pods, false);
    }

    /** The track as {@code status} shows it (absent when it does not exist). */
    public static TrackStatus of(WorkloadStatus status) {
        return status.exists() ? new TrackStatus(true, status.desiredReplicas(), status.readyReplicas(), status.images(),
                List.of(), status.recreate()) : absent();
    }

    /** The track as {@code deployment} shows it (absent when null). */
    public static TrackStatus of(Deployment deployment) {
        return of(deployment, List.of());
    }

    /**
     * The track as {@code deployment} and its {@code pods} show it: with pods, readiness is counted from them, so
     * a pod in CrashLoopBackOff is not ready even while the Deployment's status still says it was.
     */
    public static TrackStatus of(Deployment deployment, List<PodSummary> pods) {
        if (deployment == null) {
            return absent();
        }
        Integer replicas = deployment.getSpec().getReplicas();
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        int readyNow = pods.isEmpty() ? (ready == null ? 0 : ready) : (int) pods.stream().filter(PodSummary::ready).count();
        return new TrackStatus(true, replicas == null ? 0 : replicas, readyNow,
                deployment.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getImage).toList(),
                pods, StableShape.recreates(deployment));
    }

    public static TrackStatus absent() {
        return new TrackStatus(false, 0, 0, List.of(), List.of(), false);
    }

    /** Container restarts of all the track's pods. */
    public int restarts() {
        return pods.stream().mapToInt(PodSummary::restarts).sum();
    }

    /** The worst pod's state (CrashLoopBackOff before NotReady before Running); empty without pods. */
    public Optional<String> worstState() {
        return pods.stream().max(Comparator.comparingInt(PodSummary::severity)).map(PodSummary::state);
    }
}
