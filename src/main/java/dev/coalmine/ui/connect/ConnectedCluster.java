package dev.coalmine.ui.connect;

import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * A live connection as the console shows it.
 *
 * @param namespaces the namespaces the user may list; empty with {@code namespacesListable} false when
 *                   listing is forbidden, so the operator types one instead
 * @param resources  closed when the console disconnects (the client, and the demo cluster if it was started)
 * @param cache      the connection's shared informers, forgotten with the connection
 */
public record ConnectedCluster(String choice, String namespace, String serverVersion, String user,
        String serverUrl, List<String> namespaces, boolean namespacesListable, KubernetesClient client,
        AutoCloseable resources, ClusterCache cache) {

    public ConnectedCluster {
        namespaces = List.copyOf(namespaces);
    }

    /** A connection with a fresh cache over its client. */
    public ConnectedCluster(String choice, String namespace, String serverVersion, String user, String serverUrl,
            List<String> namespaces, boolean namespacesListable, KubernetesClient client, AutoCloseable resources) {
        this(choice, namespace, serverVersion, user, serverUrl, namespaces, namespacesListable, client, resources,
                new ClusterCache(client));
    }

    public String summary() {
        return serverVersion + " \u00b7 " + user + " @ " + serverUrl;
    }
}
