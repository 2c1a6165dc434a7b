package dev.coalmine.demo.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** fabric8's CRUD dispatcher whose watches close without blocking the server (see {@link OffloadedWatchClose}). */
public class WatchSafeCrudDispatcher extends KubernetesCrudDispatcher implements AutoCloseable {
    private final RegisteredWatches registered = new RegisteredWatches(this);
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-watch-close");
        t.setDaemon(true);
        return t;
    });

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        return response.withWebSocketUpgrade(new OffloadedWatchClose(response.getWebSocketListener(),
                registered.unregistering(response.getWebSocketListener()), closer));
    }

    @Override
    public void close() {
        closer.shutdownNow();
    }
}
