package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleasePlan;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What must hold before a release is planned, dry-run or recorded: a stable that is not paused (its canary and
 * baseline would be paused copies that never become ready), and no {@code <name>-canary} or {@code <name>-baseline}
 * that is somebody else's.
 */
final class StartChecks {
    private final KubernetesClient client;

    StartChecks(KubernetesClient client) {
        this.client = client;
    }

    void refuseIfUnsafe(ReleasePlan plan, Deployment stable) {
        if (Boolean.TRUE.equals(stable.getSpec().getPaused())) {
            throw new CoalmineException("Deployment " + plan.deployment() + " in namespace " + plan.namespace()
                    + " is paused (spec.paused: true), so its canary and baseline would never roll out; resume it "
                    + "first (kubectl rollout resume deployment/" + plan.deployment() + ") — nothing was recorded");
        }
        refuseIfForeign(plan, ReleaseNames.canary(plan.deployment()), ReleaseNames.CANARY);
        if (plan.baseline()) {
            refuseIfForeign(plan, ReleaseNames.baseline(plan.deployment()), ReleaseNames.BASELINE);
        }
    }

    private void refuseIfForeign(ReleasePlan plan, String name, String track) {
        Deployment existing = client.apps().deployments().inNamespace(plan.namespace()).withName(name).get();
        if (existing != null) {
            Ownership.refusal(existing, plan.deployment(), track).ifPresent(why -> {
                throw new CoalmineException(why + " — nothing was recorded");
            });
        }
    }
}
