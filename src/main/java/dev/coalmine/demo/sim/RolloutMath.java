package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/** The replica arithmetic of Kubernetes' deployment controller (pkg/controller/deployment/util). */
final class RolloutMath {
    private static final IntOrString DEFAULT_FRACTION = new IntOrString("25%");

    /** How far a rolling update may go above and below the desired replicas. */
    record Fenceposts(int maxSurge, int maxUnavailable) {
    }

    private RolloutMath() {
    }

    static int desiredReplicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    static boolean isRecreate(Deployment deployment) {
        var strategy = deployment.getSpec().getStrategy();
        return strategy != null && "Recreate".equals(strategy.getType());
    }

    /**
     * Surge rounds up, unavailability rounds down, and both at zero would deadlock, so unavailable becomes 1.
     * Recreate has neither: its Deployment is available only with every replica available.
     */
    static Fenceposts fenceposts(Deployment deployment) {
        int desired = desiredReplicas(deployment);
        if (isRecreate(deployment)) {
            return new Fenceposts(0, 0);
        }
        var strategy = deployment.getSpec().getStrategy();
        RollingUpdateDeployment rolling = strategy == null ? null : strategy.getRollingUpdate();
        IntOrString surge = rolling == null || rolling.getMaxSurge() == null ? DEFAULT_FRACTION : rolling.getMaxSurge();
        IntOrString unavailable = rolling == null || rolling.getMaxUnavailable() == null
                ? DEFAULT_FRACTION : rolling.getMaxUnavailable();
        int maxSurge = scaled(surge, desired, true);
        int maxUnavailable = scaled(unavailable, desired, false);
        if (maxSurge == 0 && maxUnavailable == 0) {
            maxUnavailable = 1;
        }
        return new Fenceposts(maxSurge, Math.min(maxUnavailable, desired));
    }

    static int scaled(IntOrString value, int total, boolean roundUp) {
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        if (text == null || !text.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: " + text);
        }
        double fraction = Integer.parseInt(text.substring(0, text.length() - 1).trim()) * total / 100.0;
        return (int) (roundUp ? Math.ceil(fraction) : Math.floor(fraction));
    }

    /** Replicas for the new ReplicaSet of a rolling update, bounded by desired + maxSurge pods in total. */
    static int newReplicaSetReplicas(int desired, int newReplicas, int allSpecReplicas, int maxSurge) {
        int maxTotal = desired + maxSurge;
        if (allSpecReplicas >= maxTotal) {
            return newReplicas;
        }
        int scaleUp = Math.min(maxTotal - allSpecReplicas, desired - newReplicas);
        return newReplicas + Math.max(scaleUp, 0);
    }
}
