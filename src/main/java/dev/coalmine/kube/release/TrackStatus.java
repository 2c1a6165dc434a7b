package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/** Replicas, readiness and images of one track (stable, canary or baseline) as the cluster shows it now. */
public record TrackStatus(boolean exists, int replicas, int readyReplicas, List<String> images) {
    public TrackStatus {
        images = List.copyOf(images);
    }

    /** The track as {@code deployment} shows it (absent when null). */
    public static TrackStatus of(Deployment deployment) {
        if (deployment == null) {
            return absent();
        }
        Integer replicas = deployment.getSpec().getReplicas();
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return new TrackStatus(true, replicas == null ? 0 : replicas, ready == null ? 0 : ready,
                deployment.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getImage).toList());
    }

    public static TrackStatus absent() {
        return new TrackStatus(false, 0, 0, List.of());
    }
}
