package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/** Recreate: scale every old ReplicaSet to zero, wait until their pods are gone, then start the new one. */
final class RecreateStrategy implements RolloutStrategy {
    private final ReplicaSetScaler scaler;

    RecreateStrategy(ReplicaSetScaler scaler) {
        this.scaler = scaler;
    }

    @Override
    public Step roll(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old, ClusterSnapshot snapshot) {
        boolean scaledDown = false;
        for (ReplicaSet rs : old) {
            if (RolloutStrategy.specReplicas(rs) > 0) {
                scaler.scale(deployment, rs, 0, snapshot);
                scaledDown = true;
            }
        }
        if (scaledDown || old.stream().anyMatch(rs -> !snapshot.podsOf(rs).isEmpty())) {
            return Step.NONE;
        }
        int desired = RolloutMath.desiredReplicas(deployment);
        if (newRs == null) {
            return new Step(desired);
        }
        scaler.scale(deployment, newRs, desired, snapshot);
        return Step.NONE;
    }
}
