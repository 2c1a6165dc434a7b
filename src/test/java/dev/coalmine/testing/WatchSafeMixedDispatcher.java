package dev.coalmine.testing;

import dev.coalmine.demo.server.WatchSafeCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mixed dispatcher (a test's expectations first, then the CRUD store) with the demo server's watch-safe
 * store: fabric8's own blocks the server's event loop for up to 30 s when a client closes a busy watch, which the
 * engine's informers do at the end of every drive.
 */
public final class WatchSafeMixedDispatcher extends Dispatcher {
    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;
    private final WatchSafeCrudDispatcher store = new WatchSafeCrudDispatcher();

    public WatchSafeMixedDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        this.expectations = expectations;
        this.expected = new MockDispatcher(expectations);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> queued = expectations.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()),
                request.getPath()));
        return queued != null && !queued.isEmpty() ? expected.dispatch(request) : store.dispatch(request);
    }

    @Override
    public void shutdown() {
        store.shutdown();
        expected.shutdown();
    }
}
