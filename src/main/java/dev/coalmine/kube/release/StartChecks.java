package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleasePlan;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.function.Function;

/**
 * What must hold before a release is planned, dry-run or recorded: a stable that is not paused (its canary and
 * baseline would be paused copies that never become ready), and no {@code <name>-canary} or {@code <name>-baseline}
 * that is somebody else's.
 */
final class StartChecks {
    private StartChecks() {
    }

    /** @param deployments the namespace's Deployments by name (null when absent), read where the caller reads them */
    static void refuseIfUnsafe(ReleasePlan plan, Deployment stable, Function<String, Deployment> deployments) {
        if (StableShape.pausesRollouts(stable)) {
            throw new CoalmineException("Deployment " + plan.deployment() + " in namespace " + plan.namespace()
                    + " is paused (spec.paused: true), so its canary and baseline would never roll out; resume it "
                    + "first (kubectl rollout resume deployment/" + plan.deployment() + ") — nothing was recorded");
        }
        refuseIfForeign(plan, ReleaseNames.canary(plan.deployment()), ReleaseNames.CANARY, deployments);
        if (plan.baseline()) {
            refuseIfForeign(plan, ReleaseNames.baseline(plan.deployment()), ReleaseNames.BASELINE, deployments);
        }
    }

    private static void refuseIfForeign(ReleasePlan plan, String name, String track,
                                        Function<String, Deployment> deployments) {
        Deployment existing = deployments.apply(name);
        if (existing != null) {
            Ownership.refusal(existing, plan.deployment(), track).ifPresent(why -> {
                throw new CoalmineException(why + " — nothing was recorded");
            });
        }
    }
}
