package dev.coalmine.ui.connect;

import dev.coalmine.addon.ClusterExtras;
import dev.coalmine.addon.TrainerControls;
import dev.coalmine.kube.RetriedRequests;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.MetricSources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * A live connection as the console shows it.
 *
 * @param namespaces the namespaces the user may list; empty with {@code namespacesListable} false when
 *                   listing is forbidden, so the operator types one instead
 * @param resources  closed when the console disconnects (the client, and the demo cluster if it was started)
 * @param extras     what the composition root's add-ons registered for this cluster when it connected
 * @param cache      the connection's shared informers, forgotten with the connection
 * @param retries    the requests the client tried again, for the step logs of the releases they concern
 */
public record ConnectedCluster(String choice, String namespace, String serverVersion, String user,
        String serverUrl, List<String> namespaces, boolean namespacesListable, KubernetesClient client,
        AutoCloseable resources, ClusterExtras extras, ClusterCache cache, RetriedRequests retries) {

    public ConnectedCluster {
        namespaces = List.copyOf(namespaces);
    }

    /** A connection with a fresh cache over its client. */
    public ConnectedCluster(String choice, String namespace, String serverVersion, String user, String serverUrl,
            List<String> namespaces, boolean namespacesListable, KubernetesClient client, AutoCloseable resources,
            ClusterExtras extras, RetriedRequests retries) {
        this(choice, namespace, serverVersion, user, serverUrl, namespaces, namespacesListable, client, resources,
                extras, ClusterCache.lingering(client), retries);
    }

    /** A connection with a fresh cache over a client whose retries no one records. */
    public ConnectedCluster(String choice, String namespace, String serverVersion, String user, String serverUrl,
            List<String> namespaces, boolean namespacesListable, KubernetesClient client, AutoCloseable resources,
            ClusterExtras extras) {
        this(choice, namespace, serverVersion, user, serverUrl, namespaces, namespacesListable, client, resources,
                extras, new RetriedRequests());
    }

    public String summary() {
        return serverVersion + " \u00b7 " + user + " @ " + serverUrl;
    }

    /** Whether the cluster is the demo (its add-on registered parts), found from the cluster, not from a name. */
    public boolean isDemo() {
        return extras.simulated();
    }

    /** What the judge and the charts may read on this cluster. */
    public MetricSources metricSources() {
        return extras.metricSources();
    }

    /** The trainer's dials, on the demo only. */
    public Optional<TrainerControls> trainer() {
        return extras.trainer();
    }
}
