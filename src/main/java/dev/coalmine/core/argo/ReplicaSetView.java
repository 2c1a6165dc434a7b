package dev.coalmine.core.argo;

import java.util.List;

/**
 * A ReplicaSet of a Rollout and its pods, as the Rollout view lists them.
 *
 * @param hash the {@code rollouts-pod-template-hash} label, which the Rollout's status names ({@code stableRS},
 *             {@code currentPodHash})
 */
public record ReplicaSetView(String name, String hash, Role role, int replicas, int ready, List<String> images,
        List<PodView> pods) {
    public enum Role {
        STABLE, CANARY, OLD
    }

    public ReplicaSetView {
        images = List.copyOf(images);
        pods = List.copyOf(pods);
    }

    /** One pod: its name, phase and whether it is ready. */
    public record PodView(String name, String phase, boolean ready, int restarts) {
        public String describe() {
            return name + "  " + phase + (ready ? ", ready" : ", not ready")
                    + (restarts > 0 ? ", " + restarts + " restarts" : "");
        }
    }

    public static Role roleOf(String hash, ArgoRollout rollout) {
        if (hash.equals(rollout.stableRS())) {
            return Role.STABLE;
        }
        return hash.equals(rollout.currentPodHash()) ? Role.CANARY : Role.OLD;
    }
}
