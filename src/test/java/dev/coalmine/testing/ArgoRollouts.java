package dev.coalmine.testing;

/** Argo Rollouts the engine tests create on the demo cluster. */
public final class ArgoRollouts {
    private ArgoRollouts() {
    }

    /**
     * A Rollout named like the Deployment it references ({@code workloadRef}, scaled down once it succeeds), as a
     * hand-off renders it, with {@code replicas} and the given {@code canary:} strategy (YAML, not indented).
     */
    public static String ofDeployment(String name, int replicas, String canary) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: %1$s}
                spec:
                  replicas: %2$d
                  selector: {matchLabels: {app: %1$s}}
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s, scaleDown: onsuccess}
                  strategy:
                    canary:
                """.formatted(name, replicas) + canary.indent(6);
    }
}
