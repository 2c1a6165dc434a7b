package dev.coalmine.kube.release;

import java.util.List;

/** Replicas, readiness and images of one track (stable, canary or baseline) as the cluster shows it now. */
public record TrackStatus(boolean exists, int replicas, int readyReplicas, List<String> images) {
    public TrackStatus {
        images = List.copyOf(images);
    }

    public static TrackStatus absent() {
        return new TrackStatus(false, 0, 0, List.of());
    }
}
