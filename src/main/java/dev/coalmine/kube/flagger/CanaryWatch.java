package dev.coalmine.kube.flagger;

import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.engines.CoalescedRebuild;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.workload.DeploymentSummaries;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Flagger Canary, live, with its target Deployment (the canary pods) and {@code <target>-primary} (stable), from
 * the connection's {@link ClusterCache}; a new snapshot follows every change, built on this watch's own thread.
 */
public final class CanaryWatch implements AutoCloseable {
    private final String name;
    private final CachedObjects<GenericKubernetesResource> canaries;
    private final CachedObjects<Deployment> deployments;
    private final Consumer<Optional<CanarySnapshot>> listener;
    private final CoalescedRebuild rebuild;

    private CanaryWatch(ClusterCache cache, String namespace, String name, Consumer<Optional<CanarySnapshot>> listener) {
        this.name = name;
        this.listener = listener;
        this.canaries = cache.open(CachedKind.CANARIES, namespace);
        this.deployments = cache.open(CachedKind.DEPLOYMENTS, namespace);
        this.rebuild = new CoalescedRebuild("coalmine-canary-" + name, () -> listener.accept(snapshot()));
    }

    /** Opens the watch, blocking until both kinds are listed (call it off the UI thread); the first snapshot follows. */
    public static CanaryWatch open(ClusterCache cache, String namespace, String name,
            Consumer<Optional<CanarySnapshot>> listener) {
        CanaryWatch watch = new CanaryWatch(cache, namespace, name, listener);
        watch.canaries.onAnyChange(watch.rebuild::changed);
        watch.deployments.onAnyChange(watch.rebuild::changed);
        watch.rebuild.changed();
        return watch;
    }

    public Optional<CanarySnapshot> snapshot() {
        GenericKubernetesResource live = canaries.get(name);
        if (live == null) {
            return Optional.empty();
        }
        FlaggerCanary canary = CanaryReader.canary(live);
        return Optional.of(new CanarySnapshot(canary, summary(canary.primaryName()), summary(canary.targetName())));
    }

    private Optional<WorkloadSummary> summary(String deployment) {
        return Optional.ofNullable(deployment.isEmpty() ? null : deployments.get(deployment)).map(DeploymentSummaries::of);
    }

    @Override
    public void close() {
        rebuild.close();
        canaries.close();
        deployments.close();
    }
}
