package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;
import java.util.List;

/** The pods of one track and their health. */
public record TrackHealth(Track track, List<PodHealth> pods) {
    public TrackHealth {
        pods = List.copyOf(pods);
    }

    public int readyPods() {
        return (int) pods.stream().filter(PodHealth::ready).count();
    }

    /** Container restarts of all the track's pods (what the threshold check limits for the canary). */
    public int restarts() {
        return pods.stream().mapToInt(PodHealth::restarts).sum();
    }

    public int oomKilledPods() {
        return (int) pods.stream().filter(PodHealth::oomKilled).count();
    }
}
