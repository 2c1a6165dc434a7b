package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleasePlan;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * The checks a release must pass before it may start, reported rather than thrown, so the console's review
 * step can show every problem at once: the RBAC preflight and the server-side dry run of every object.
 */
public final class ReleasePreflight {
    /** Each list empty when that check passed. */
    public record Result(List<String> rbacProblems, List<String> dryRunProblems) {
        public Result {
            rbacProblems = List.copyOf(rbacProblems);
            dryRunProblems = List.copyOf(dryRunProblems);
        }
    }

    private final KubernetesClient client;
    private final ReleasePreparer preparer;
    private final Clock clock;

    public ReleasePreflight(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        CanaryRenderer renderer = new CanaryRenderer(client.getKubernetesSerialization());
        this.preparer = new ReleasePreparer(client, renderer, new ReleaseActions(client, renderer));
    }

    /** Changes nothing in the cluster; {@code number} is the release number the plan would get. */
    public Result check(ReleasePlan plan, int number) {
        List<String> rbac = problem(() -> new RbacPreflight(client).check(plan.namespace(), RbacPreflight.neededFor(
                plan.fromManifest(), plan.traffic().provider())));
        List<String> dryRun = problem(() -> {
            Deployment stable = preparer.stable(plan);
            preparer.dryRun(preparer.prepare(plan, number, stable, clock.instant()), stable);
        });
        return new Result(rbac, dryRun);
    }

    private static List<String> problem(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (CoalmineException e) {
            return List.of(e.getMessage());
        }
    }
}
