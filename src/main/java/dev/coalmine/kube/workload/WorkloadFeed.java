package dev.coalmine.kube.workload;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.engines.EngineWorkloads;
import dev.coalmine.kube.engines.InstalledEngines;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Deployments of one namespace, live (with its Argo Rollouts and Flagger Canaries where the cluster serves them), from the connection's {@link ClusterCache}: the list shares one LIST
 * and one WATCH with every other user of the namespace's Deployments. Callbacks arrive on fabric8's threads.
 */
public final class WorkloadFeed implements AutoCloseable {
    /** Receives changes on a fabric8 thread: implementations only enqueue. */
    public interface Listener {
        void upserted(WorkloadSummary workload);

        /** {@code key}: the removed workload's {@link WorkloadSummary#key()} ("Deployment/shop-frontend"). */
        void removed(String key);
    }

    private final List<CachedObjects<?>> kinds = new ArrayList<>();

    private WorkloadFeed() {
    }

    /**
     * Opens a feed and blocks until the Deployments have been listed (call it off the UI thread); the listener
     * first receives every Deployment already there.
     */
    public static WorkloadFeed open(ClusterCache cache, String namespace, Listener listener) {
        return open(cache, () -> InstalledEngines.NONE, namespace, listener);
    }

    /**
     * Also lists the namespace's Rollouts and Canaries when {@code engines} says the cluster serves them. It is
     * asked once the Deployments are listed, so the list's first rows wait for nothing but their LIST.
     */
    public static WorkloadFeed open(ClusterCache cache, Supplier<InstalledEngines> engines, String namespace,
            Listener listener) {
        WorkloadFeed feed = new WorkloadFeed();
        try {
            feed.follow(cache.open(CachedKind.DEPLOYMENTS, namespace), DeploymentSummaries::of, listener);
            feed.followEngines(cache, engines.get(), namespace, listener);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        return feed;
    }

    private void followEngines(ClusterCache cache, InstalledEngines engines, String namespace, Listener listener) {
        if (engines.argoRollouts()) {
            follow(cache.open(CachedKind.ROLLOUTS, namespace), EngineWorkloads::rollout, listener);
        }
        if (engines.flagger()) {
            follow(cache.open(CachedKind.CANARIES, namespace), EngineWorkloads::canary, listener);
        }
    }

    private <T extends HasMetadata> void follow(CachedObjects<T> objects, Function<T, WorkloadSummary> summary,
            Listener listener) {
        kinds.add(objects);
        objects.listen(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                listener.upserted(summary.apply(object));
            }

            @Override
            public void onUpdate(T old, T object) {
                listener.upserted(summary.apply(object));
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                listener.removed(summary.apply(object).key());
            }
        });
    }

    @Override
    public void close() {
        kinds.forEach(CachedObjects::close);
    }
}
