package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * The mock's watch events delivered the way kubectl and client-go read them: a chunked HTTP response with one
 * JSON watch event per line. The mock only speaks WebSocket; this adapter lets its watch listener talk HTTP.
 */
final class ChunkedWatchSocket implements WebSocket {
    private final RecordedRequest request;
    private final HttpServerResponse response;

    ChunkedWatchSocket(RecordedRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public RecordedRequest request() {
        return request;
    }

    @Override
    public synchronized boolean send(String text) {
        if (response.ended() || response.closed()) {
            return false;
        }
        response.write(text + "\n");
        return true;
    }

    @Override
    public boolean send(byte[] bytes) {
        return send(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized boolean close(int code, String reason) {
        if (!response.ended() && !response.closed()) {
            response.end();
        }
        return true;
    }
}
