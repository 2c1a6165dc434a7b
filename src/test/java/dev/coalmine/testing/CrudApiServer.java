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

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
