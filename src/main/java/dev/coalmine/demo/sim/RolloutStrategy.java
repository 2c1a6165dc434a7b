package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/** One pass of a deployment strategy: scale the ReplicaSets that exist, and say whether to create the new one. */
sealed interface RolloutStrategy permits RollingUpdateStrategy, RecreateStrategy {

    /** @param newReplicas replicas for a new ReplicaSet to create now, or null to create none in this pass */
    record Step(Integer newReplicas) {
        static final Step NONE = new Step(null);
    }

    /**
     * @param newRs the ReplicaSet matching the current template, or null when it does not exist yet
     * @param old   the other owned ReplicaSets, oldest first
     */
    Step roll(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old, ClusterSnapshot snapshot);

    static int specReplicas(ReplicaSet rs) {
        Integer replicas = rs.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    static int availableReplicas(ReplicaSet rs) {
        Integer available = rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas();
        return available == null ? 0 : available;
    }

    static int sumSpec(List<ReplicaSet> replicaSets) {
        return replicaSets.stream().mapToInt(RolloutStrategy::specReplicas).sum();
    }
}
