package dev.coalmine.core.feed;

/**
 * The messages of kubectl's deployment status viewer ({@code kubectl rollout status deployment/NAME}),
 * checked in the same order, so the console and the CLI print exactly what operators know from kubectl.
 */
public final class RolloutStatuses {
    /** The Progressing condition's reason once {@code progressDeadlineSeconds} has passed. */
    public static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";

    private RolloutStatuses() {
    }

    public static RolloutStatus of(DeploymentRollout d) {
        String name = d.name();
        if (d.generation() > d.observedGeneration()) {
            return waiting(name, "Waiting for deployment spec update to be observed...");
        }
        if (TIMED_OUT_REASON.equals(d.progressingReason())) {
            return new RolloutStatus(name, RolloutStatus.State.FAILED,
                    "error: deployment " + quote(name) + " exceeded its progress deadline");
        }
        String waitingFor = "Waiting for deployment " + quote(name) + " rollout to finish: ";
        if (d.specReplicas() != null && d.updatedReplicas() < d.specReplicas()) {
            return waiting(name, waitingFor + d.updatedReplicas() + " out of " + d.specReplicas()
                    + " new replicas have been updated...");
        }
        if (d.replicas() > d.updatedReplicas()) {
            return waiting(name, waitingFor + (d.replicas() - d.updatedReplicas())
                    + " old replicas are pending termination...");
        }
        if (d.availableReplicas() < d.updatedReplicas()) {
            return waiting(name, waitingFor + d.availableReplicas() + " of " + d.updatedReplicas()
                    + " updated replicas are available...");
        }
        return new RolloutStatus(name, RolloutStatus.State.DONE, "deployment " + quote(name) + " successfully rolled out");
    }

    private static RolloutStatus waiting(String name, String text) {
        return new RolloutStatus(name, RolloutStatus.State.WAITING, text);
    }

    /** Go's %q for a Kubernetes name (DNS label characters only, so nothing needs escaping). */
    private static String quote(String name) {
        return '"' + name + '"';
    }
}
