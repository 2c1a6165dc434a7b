package dev.coalmine.demo.sim;

import static dev.coalmine.demo.sim.RolloutStrategy.availableReplicas;
import static dev.coalmine.demo.sim.RolloutStrategy.specReplicas;
import static dev.coalmine.demo.sim.RolloutStrategy.sumSpec;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;

/**
 * RollingUpdate as Kubernetes does it: grow the new ReplicaSet up to desired + maxSurge pods in total, shrink
 * old ones (unhealthy pods first) while at least desired - maxUnavailable pods stay available.
 */
final class RollingUpdateStrategy implements RolloutStrategy {
    private final ReplicaSetScaler scaler;

    RollingUpdateStrategy(ReplicaSetScaler scaler) {
        this.scaler = scaler;
    }

    @Override
    public Step roll(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old, ClusterSnapshot snapshot) {
        int desired = RolloutMath.desiredReplicas(deployment);
        RolloutMath.Fenceposts fenceposts = RolloutMath.fenceposts(deployment);
        int allSpec = sumSpec(old) + (newRs == null ? 0 : specReplicas(newRs));
        if (newRs == null) {
            return new Step(RolloutMath.newReplicaSetReplicas(desired, 0, allSpec, fenceposts.maxSurge()));
        }
        int newSpec = specReplicas(newRs);
        if (newSpec > desired) {
            scaler.scale(deployment, newRs, desired, snapshot);
            return Step.NONE;
        }
        int target = RolloutMath.newReplicaSetReplicas(desired, newSpec, allSpec, fenceposts.maxSurge());
        if (target != newSpec) {
            scaler.scale(deployment, newRs, target, snapshot);
            return Step.NONE;
        }
        scaleDownOld(deployment, newRs, new ArrayList<>(old), fenceposts, snapshot);
        return Step.NONE;
    }

    private void scaleDownOld(Deployment deployment, ReplicaSet newRs, List<ReplicaSet> old,
                              RolloutMath.Fenceposts fenceposts, ClusterSnapshot snapshot) {
        if (sumSpec(old) == 0) {
            return;
        }
        int minAvailable = RolloutMath.desiredReplicas(deployment) - fenceposts.maxUnavailable();
        int allSpec = sumSpec(old) + specReplicas(newRs);
        int newUnavailable = specReplicas(newRs) - availableReplicas(newRs);
        int maxScaledDown = allSpec - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return;
        }
        int cleaned = 0;
        for (int i = 0; i < old.size() && cleaned < maxScaledDown; i++) {
            ReplicaSet rs = old.get(i);
            int unhealthy = specReplicas(rs) - availableReplicas(rs);
            if (specReplicas(rs) == 0 || unhealthy <= 0) {
                continue;
            }
            int down = Math.min(maxScaledDown - cleaned, unhealthy);
            old.set(i, scaler.scale(deployment, rs, specReplicas(rs) - down, snapshot));
            cleaned += down;
        }
        int available = old.stream().mapToInt(RolloutStrategy::availableReplicas).sum() + availableReplicas(newRs);
        int toScaleDown = available - minAvailable;
        for (int i = 0; i < old.size() && toScaleDown > 0; i++) {
            ReplicaSet rs = old.get(i);
            int down = Math.min(specReplicas(rs), toScaleDown);
            if (down > 0) {
                old.set(i, scaler.scale(deployment, rs, specReplicas(rs) - down, snapshot));
                toScaleDown -= down;
            }
        }
    }
}
