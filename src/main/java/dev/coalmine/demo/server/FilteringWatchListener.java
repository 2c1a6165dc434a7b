package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Sits between the mock's watch and the client's connection and makes the event stream look like a real
 * server's: selectors applied (objects leaving or entering the selection become DELETED/ADDED), and the mock's
 * replay of existing objects suppressed when the client asked to watch from a resourceVersion it has listed.
 */
final class FilteringWatchListener extends WebSocketListener {
    private final WebSocketListener store;
    private final Predicate<JsonNode> selected;
    private final long sinceVersion;
    private final UnaryOperator<JsonNode> presentation;
    private final Set<String> visible = ConcurrentHashMap.newKeySet();
    private volatile WebSocket filtered;

    FilteringWatchListener(WebSocketListener store, Predicate<JsonNode> selected, long sinceVersion,
            UnaryOperator<JsonNode> presentation) {
        this.store = store;
        this.presentation = presentation;
        this.selected = selected;
        this.sinceVersion = sinceVersion;
    }

    private WebSocket filtered(WebSocket client) {
        if (filtered == null) {
            filtered = new FilteredSocket(client);
        }
        return filtered;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        store.onBeforeAccept(filtered(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        store.onOpen(filtered(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        store.onMessage(filtered(webSocket), text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        store.onClosing(filtered(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        store.onClosed(filtered(webSocket), code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        store.onFailure(filtered(webSocket), error, response);
    }

    /** The event to pass on for one event from the store, or null to drop it. */
    String rewrite(String eventText) {
        String out = select(eventText);
        if (out == null) {
            return null;
        }
        ObjectNode event = (ObjectNode) Json.parse(out);
        return Json.write(event.set("object", presentation.apply(event.path("object"))));
    }

    private String select(String eventText) {
        ObjectNode event = (ObjectNode) Json.parse(eventText);
        JsonNode object = event.path("object");
        String uid = object.path("metadata").path("uid").asText();
        String type = event.path("type").asText();
        boolean matches = selected.test(object);
        boolean wasVisible = visible.contains(uid);
        if (type.equals("DELETED")) {
            visible.remove(uid);
            return wasVisible || matches ? eventText : null;
        }
        if (!matches) {
            if (wasVisible) {
                visible.remove(uid);
                return Json.write(event.put("type", "DELETED"));
            }
            return null;
        }
        visible.add(uid);
        if (object.path("metadata").path("resourceVersion").asLong() <= sinceVersion) {
            return null;
        }
        return wasVisible ? eventText : Json.write(event.put("type", "ADDED"));
    }

    private final class FilteredSocket implements WebSocket {
        private final WebSocket client;

        FilteredSocket(WebSocket client) {
            this.client = client;
        }

        @Override
        public RecordedRequest request() {
            return client.request();
        }

        @Override
        public boolean send(String text) {
            String out = rewrite(text);
            return out == null || client.send(out);
        }

        @Override
        public boolean send(byte[] bytes) {
            return send(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public boolean close(int code, String reason) {
            return client.close(code, reason);
        }
    }
}
