package dev.coalmine.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import dev.coalmine.demo.server.WatchSafeCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/** fabric8's mock API server in CRUD mode on loopback, for tests of the kube edge. */
public final class CrudApiServer implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public CrudApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new WatchSafeCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Writes a kubeconfig with one token-authenticated context for this server. */
    public java.nio.file.Path writeKubeconfig(java.nio.file.Path file, String context, String namespace)
            throws java.io.IOException {
        java.nio.file.Files.writeString(file, String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: " + context,
                "clusters:", "- name: " + context, "  cluster:", "    server: " + url(),
                "users:", "- name: " + context + "-user", "  user:", "    token: secret-test-token",
                "contexts:", "- name: " + context, "  context:", "    cluster: " + context,
                "    user: " + context + "-user", "    namespace: " + namespace, ""));
        return file;
    }

    /** How many requests for exactly {@code path} (query left out) the server received since the last call. */
    public long takeRequestsFor(String path) throws InterruptedException {
        long count = 0;
        for (var request = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS); request != null;
             request = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            count += request.getPath().replaceFirst("\\?.*", "").equals(path) ? 1 : 0;
        }
        return count;
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
