package dev.coalmine.kube.workload;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/**
 * The Deployments of one namespace, live, from the connection's {@link ClusterCache}: the list shares one LIST
 * and one WATCH with every other user of the namespace's Deployments. Callbacks arrive on fabric8's threads.
 */
public final class WorkloadFeed implements AutoCloseable {
    /** Receives changes on a fabric8 thread: implementations only enqueue. */
    public interface Listener {
        void upserted(WorkloadSummary workload);

        void removed(String name);
    }

    private final CachedObjects<Deployment> deployments;

    private WorkloadFeed(CachedObjects<Deployment> deployments) {
        this.deployments = deployments;
    }

    /**
     * Opens a feed and blocks until the Deployments have been listed (call it off the UI thread); the listener
     * first receives every Deployment already there.
     */
    public static WorkloadFeed open(ClusterCache cache, String namespace, Listener listener) {
        WorkloadFeed feed = new WorkloadFeed(cache.open(CachedKind.DEPLOYMENTS, namespace));
        feed.deployments.listen(new ResourceEventHandler<Deployment>() {
            @Override
            public void onAdd(Deployment d) {
                listener.upserted(DeploymentSummaries.of(d));
            }

            @Override
            public void onUpdate(Deployment old, Deployment d) {
                listener.upserted(DeploymentSummaries.of(d));
            }

            @Override
            public void onDelete(Deployment d, boolean finalStateUnknown) {
                listener.removed(d.getMetadata().getName());
            }
        });
        return feed;
    }

    @Override
    public void close() {
        deployments.close();
    }
}
