package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Runs a watch's close and failure handling off the server's event loop. fabric8's mock watch listener
 * waits in {@code onClosed} for its send queue to drain, and a queued send waits for the very event loop
 * that is waiting: every client that closes a busy watch (an informer switching namespace or ending a release
 * drive, Ctrl-C on {@code kubectl get -w}) would freeze that event loop, and every connection on it, for 30 s.
 * The watch leaves the store's listeners first, at once: a write that notified it while its queue shuts down would
 * fail and never be answered (see {@link RegisteredWatches}).
 */
public final class OffloadedWatchClose extends WebSocketListener {
    private final WebSocketListener delegate;
    private final Runnable unregister;
    private final Executor closer;

    /**
     * Threads for the closes: daemons that end when idle, so there is nothing to shut down and a watch that closes
     * after its server stopped still can.
     */
    public static Executor closerThreads() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-watch-close");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param unregister stops the store sending events to the watch; runs on the event loop, before the close */
    public OffloadedWatchClose(WebSocketListener delegate, Runnable unregister, Executor closer) {
        this.delegate = delegate;
        this.unregister = unregister;
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
        unregister.run();
        closer.execute(() -> delegate.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        unregister.run();
        closer.execute(() -> delegate.onFailure(webSocket, error, response));
    }
}
