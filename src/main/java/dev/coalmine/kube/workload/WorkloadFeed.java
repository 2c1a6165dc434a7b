package dev.coalmine.kube.workload;

import dev.coalmine.core.workload.WorkloadSummary;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import dev.coalmine.kube.InformerStart;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The Deployments of one namespace, live: an informer keeps a local cache, so the list costs one LIST
 * and one WATCH however many Deployments there are. Callbacks arrive on fabric8's threads.
 */
public final class WorkloadFeed implements AutoCloseable {
    /** Receives changes on a fabric8 thread: implementations only enqueue. */
    public interface Listener {
        void upserted(WorkloadSummary workload);

        void removed(String name);
    }

    private final SharedIndexInformer<Deployment> informer;

    public WorkloadFeed(KubernetesClient client, String namespace, Listener listener) {
        informer = client.apps().deployments().inNamespace(namespace).runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<>() {
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
    }

    /** Opens a feed and blocks until its first list has arrived: call it off the UI thread. */
    public static WorkloadFeed open(KubernetesClient client, String namespace, Listener listener, Duration timeout)
            throws InterruptedException {
        WorkloadFeed feed = new WorkloadFeed(client, namespace, listener);
        InformerStart.await(feed.informer, timeout, feed::close, "list Deployments in namespace " + namespace);
        return feed;
    }

    /** Starts listing and watching without blocking; completes once the first list has arrived. */
    public CompletionStage<Void> start() {
        return informer.start();
    }

    @Override
    public void close() {
        informer.close();
    }
}
