package dev.coalmine.kube.config;

import dev.coalmine.kube.RetriedRequests;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.stream.Collectors;

/** A checked connection to one context's cluster. Closing it closes the fabric8 client. */
public final class ClusterConnection implements AutoCloseable {
    private final KubernetesClient client;
    private final KubeContext context;
    private final String serverVersion;
    private final String serverUrl;
    private final ConnectionProblems problems;
    private final RetriedRequests retries;

    ClusterConnection(KubernetesClient client, KubeContext context, String serverVersion, String serverUrl,
            ConnectionProblems problems, RetriedRequests retries) {
        this.client = client;
        this.context = context;
        this.serverVersion = serverVersion;
        this.serverUrl = serverUrl;
        this.problems = problems;
        this.retries = retries;
    }

    /** The requests the client tried again, for the step logs of the releases they concern. */
    public RetriedRequests retries() {
        return retries;
    }

    public KubernetesClient client() {
        return client;
    }

    public String contextName() {
        return context.name();
    }

    /** The context's namespace ({@code default} when it names none). */
    public String namespace() {
        return context.namespace();
    }

    /** The server's git version, e.g. {@code v1.32.0}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** The kubeconfig user of the context (empty when the context names none). */
    public String user() {
        return context.user() == null ? "" : context.user();
    }

    public String serverUrl() {
        return serverUrl;
    }

    /**
     * The namespaces the user may see, sorted. A 403 is an answer, not a failure: the listing says it
     * is not allowed, so the UI lets the operator type a namespace.
     */
    public NamespaceListing namespaces() {
        try {
            return new NamespaceListing(client.namespaces().list().getItems().stream()
                    .map(Namespace::getMetadata)
                    .map(meta -> meta.getName())
                    .sorted()
                    .collect(Collectors.toList()), true);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return NamespaceListing.forbidden();
            }
            if (e.getCode() > 0) {
                throw problems.fromStatus(e.getCode(), "list namespaces");
            }
            throw problems.fromFailure(e, Duration.ofMillis(client.getConfiguration().getRequestTimeout()));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
