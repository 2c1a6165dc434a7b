package dev.coalmine.metrics;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stable and canary tracks of an in-cluster engine's release, as its controller tells their pods apart. There
 * is no baseline: neither engine runs one.
 */
public final class EngineTargets {
    /** The label Argo Rollouts puts on every pod of a Rollout's ReplicaSet; the status names the stable and canary values. */
    public static final String ROLLOUT_HASH_LABEL = "rollouts-pod-template-hash";

    private EngineTargets() {
    }

    /**
     * An Argo Rollout's: both tracks are the Rollout's pods ({@code {{workload}}} is its name), the stable's with the
     * hash {@code status.stableRS}, the canary's with {@code status.currentPodHash} while that differs (a canary runs).
     */
    public static MetricTarget ofRollout(ArgoRollout rollout, Duration interval) {
        Map<Track, TrackSelection> tracks = new EnumMap<>(Track.class);
        if (!rollout.stableRS().isEmpty()) {
            tracks.put(Track.STABLE, new TrackSelection(rollout.name(), Map.of(ROLLOUT_HASH_LABEL, rollout.stableRS())));
        }
        if (!rollout.currentPodHash().isEmpty() && !rollout.currentPodHash().equals(rollout.stableRS())) {
            tracks.put(Track.CANARY, new TrackSelection(rollout.name(),
                    Map.of(ROLLOUT_HASH_LABEL, rollout.currentPodHash())));
        }
        return new MetricTarget(rollout.namespace(), rollout.name(), interval, tracks);
    }

    /**
     * A Flagger Canary's: the stable track is the primary Deployment {@code X-primary}, its pods labelled with the
     * primary's value of {@code label}; the canary track the target Deployment {@code X} and its pods.
     */
    public static MetricTarget ofCanary(FlaggerCanary canary, CanaryPodLabel label, Duration interval) {
        Map<Track, TrackSelection> tracks = new EnumMap<>(Track.class);
        tracks.put(Track.STABLE, new TrackSelection(canary.primaryName(), Map.of(label.key(), label.primaryValue())));
        tracks.put(Track.CANARY, new TrackSelection(canary.targetName(), Map.of(label.key(), label.canaryValue())));
        return new MetricTarget(canary.namespace(), canary.targetName(), interval, tracks);
    }
}
