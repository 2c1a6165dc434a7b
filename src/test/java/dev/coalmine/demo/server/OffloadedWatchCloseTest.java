package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A watch's close: the store stops sending to it at once, on the server's event loop, but fabric8's own close
 * (which waits for the watch's pending sends, and those need that event loop) runs elsewhere.
 */
class OffloadedWatchCloseTest {
    private final List<String> happened = new ArrayList<>();
    private final List<Runnable> offloaded = new ArrayList<>();
    private final WebSocketListener store = new WebSocketListener() {
        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            happened.add("store closed " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable error, Response response) {
            happened.add("store failed: " + error.getMessage());
        }
    };
    private final OffloadedWatchClose listener = new OffloadedWatchClose(store, () -> happened.add("unregistered"),
            offloaded::add);

    @Test
    void aCloseUnregistersAtOnceAndLeavesTheStoresCloseToTheCloser() {
        listener.onClosed(new ClientSocket(), 1000, "done");

        assertThat(happened).containsExactly("unregistered");
        offloaded.forEach(Runnable::run);
        assertThat(happened).containsExactly("unregistered", "store closed 1000");
    }

    @Test
    void aFailureToo() {
        listener.onFailure(new ClientSocket(), new IllegalStateException("reset by peer"), null);

        assertThat(happened).containsExactly("unregistered");
        offloaded.forEach(Runnable::run);
        assertThat(happened).containsExactly("unregistered", "store failed: reset by peer");
    }

    private static final class ClientSocket implements WebSocket {
        @Override
        public RecordedRequest request() {
            return null;
        }

        @Override
        public boolean send(String text) {
            return true;
        }

        @Override
        public boolean send(byte[] bytes) {
            return true;
        }

        @Override
        public boolean close(int code, String reason) {
            return true;
        }
    }
}
