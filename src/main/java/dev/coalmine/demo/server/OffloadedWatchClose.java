package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.Executor;

/**
 * Runs a watch's close and failure handling off the server's event loop. fabric8's mock watch listener
 * waits in {@code onClosed} for its send queue to drain, and a queued send waits for the very event loop
 * that is waiting: every client that closes a busy watch (an informer switching namespace, Ctrl-C on
 * {@code kubectl get -w}) would freeze that event loop, and every connection on it, for 30 s.
 */
public final class OffloadedWatchClose extends WebSocketListener {
    private final WebSocketListener delegate;
    private final Executor closer;

    public OffloadedWatchClose(WebSocketListener delegate, Executor closer) {
        this.delegate = delegate;
        this.closer = closer;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        delegate.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        delegate.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        closer.execute(() -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        closer.execute(() -> delegate.onFailure(webSocket, error, response));
    }
}
