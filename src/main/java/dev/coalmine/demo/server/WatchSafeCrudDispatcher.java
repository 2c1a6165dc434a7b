package dev.coalmine.demo.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.concurrent.Executor;

/** fabric8's CRUD dispatcher whose watches close without blocking the server (see {@link OffloadedWatchClose}). */
public class WatchSafeCrudDispatcher extends KubernetesCrudDispatcher {
    private final RegisteredWatches registered = new RegisteredWatches(this);
    private final Executor closer = OffloadedWatchClose.closerThreads();

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        return response.withWebSocketUpgrade(new OffloadedWatchClose(response.getWebSocketListener(),
                registered.unregistering(response.getWebSocketListener()), closer));
    }
}
