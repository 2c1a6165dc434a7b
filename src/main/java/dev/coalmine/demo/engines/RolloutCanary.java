package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canary and stable ReplicaSets of one reconcile: the canary gets its share of the replicas, the stable the
 * rest (Argo's basic canary), and the status counts and {@code canary.weights} are read back from them.
 */
final class RolloutCanary {
    private final RolloutReplicaSets replicaSets;
    private ReplicaSet current;
    private ReplicaSet stable;
    private final int replicas;
    private int desiredCanary;

    RolloutCanary(RolloutReplicaSets replicaSets, ReplicaSet current, ReplicaSet stable, int replicas) {
        this.replicaSets = replicaSets;
        this.current = current;
        this.stable = stable;
        this.replicas = replicas;
    }

    int replicas() {
        return replicas;
    }

    ReplicaSet current() {
        return current;
    }

    int desiredCanary() {
        return desiredCanary;
    }

    void scaleTo(int canaryReplicas) {
        desiredCanary = Math.min(replicas, canaryReplicas);
        current = replicaSets.scale(current, desiredCanary);
        if (stable != current && !stable.getMetadata().getName().equals(current.getMetadata().getName())) {
            // A full canary replaces the stable only once it is available, as at the end of Argo's steps.
            int stableReplicas = desiredCanary < replicas ? replicas - desiredCanary
                    : canaryAvailable(replicas) ? 0 : replicas;
            stable = replicaSets.scale(stable, stableReplicas);
        }
    }

    boolean canaryAvailable(int wanted) {
        Integer available = current.getStatus() == null ? null : current.getStatus().getAvailableReplicas();
        return (available == null ? 0 : available) >= wanted;
    }

    /** The current ReplicaSet is the stable one: it runs every replica, older ones none. */
    void settle(List<ReplicaSet> owned) {
        desiredCanary = 0;
        current = replicaSets.scale(current, replicas);
        stable = current;
        for (ReplicaSet rs : owned) {
            if (!rs.getMetadata().getName().equals(current.getMetadata().getName())) {
                replicaSets.scale(rs, 0);
            }
        }
    }

    void writeCounts(ObjectNode status, JsonNode spec, int stepWeight) {
        boolean same = stable.getMetadata().getName().equals(current.getMetadata().getName());
        int currentReplicas = count(current, "replicas");
        int stableReplicas = same ? 0 : count(stable, "replicas");
        status.put("replicas", currentReplicas + stableReplicas)
                .put("updatedReplicas", currentReplicas)
                .put("readyReplicas", count(current, "ready") + (same ? 0 : count(stable, "ready")))
                .put("availableReplicas", count(current, "available") + (same ? 0 : count(stable, "available")))
                .put("HPAReplicas", currentReplicas + stableReplicas);
        Map<String, String> selector = current.getSpec().getSelector().getMatchLabels();
        status.put("selector", selector.entrySet().stream()
                .filter(e -> !e.getKey().equals(RolloutReplicaSets.HASH_LABEL))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(",")));
        int weight = same ? 0 : Math.min(100, stepWeight);
        ObjectNode weights = Trees.child(Trees.child(status, "canary"), "weights");
        weights.putObject("canary").put("weight", weight).put("podTemplateHash",
                status.path("currentPodHash").asText());
        weights.putObject("stable").put("weight", 100 - weight).put("podTemplateHash",
                status.path("stableRS").asText());
    }

    private static int count(ReplicaSet rs, String what) {
        if (rs.getStatus() == null) {
            return 0;
        }
        Integer n = switch (what) {
            case "ready" -> rs.getStatus().getReadyReplicas();
            case "available" -> rs.getStatus().getAvailableReplicas();
            default -> rs.getStatus().getReplicas();
        };
        return n == null ? 0 : n;
    }
}
