package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/** A fabric8 mock API server in CRUD mode on 127.0.0.1, with a client for it: the store the simulation runs on. */
public final class MockApiServer implements AutoCloseable {
    /** Held so the JUL logger (and its level) is not garbage-collected: the mock logs every request at INFO. */
    private static final java.util.logging.Logger REQUEST_LOG = quiet(java.util.logging.Logger.getLogger("io.fabric8.mockwebserver"));
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
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
