package dev.coalmine.kube.cache;

import dev.coalmine.demo.server.OffloadedWatchClose;
import dev.coalmine.demo.server.WatchSafeCrudDispatcher;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The CRUD mock API server that remembers every request ("GET /path") and counts closed watches, and forbids
 * everything in one namespace the way RBAC would.
 */
final class CountingDispatcher extends WatchSafeCrudDispatcher {
    private final String forbiddenNamespace;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedWatches = new AtomicInteger();

    CountingDispatcher(String forbiddenNamespace) {
        this.forbiddenNamespace = forbiddenNamespace;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request.getMethod() + " " + request.getPath());
        if (request.getPath().contains("/namespaces/" + forbiddenNamespace + "/")) {
            return forbidden();
        }
        return super.dispatch(request);
    }

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        // The close hook runs once the client has closed the watch; the wrapped listener does the rest.
        return response.withWebSocketUpgrade(new OffloadedWatchClose(response.getWebSocketListener(),
                closedWatches::incrementAndGet, Runnable::run));
    }

    int lists(String namespace) {
        return (int) readsIn(namespace).filter(request -> !request.contains("watch=true")).count();
    }

    int watches(String namespace) {
        return (int) readsIn(namespace).filter(request -> request.contains("watch=true")).count();
    }

    int requests(String namespace) {
        return (int) requestsIn(namespace).count();
    }

    int closedWatches() {
        return closedWatches.get();
    }

    private Stream<String> requestsIn(String namespace) {
        return requests.stream().filter(request -> request.contains("/namespaces/" + namespace + "/"));
    }

    private Stream<String> readsIn(String namespace) {
        return requestsIn(namespace).filter(request -> request.startsWith("GET "));
    }

    private MockResponse forbidden() {
        String status = Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(403)
                .withReason("Forbidden").withMessage("this user cannot list in namespace " + forbiddenNamespace)
                .build());
        return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json").setBody(status);
    }
}
