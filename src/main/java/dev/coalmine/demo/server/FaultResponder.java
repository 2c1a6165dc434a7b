package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.http.MockResponse;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Answers a request with an {@link ApiFault} as a real API server (or a broken network) would. */
final class FaultResponder {
    static final long DELAY_MILLIS = 2_000;
    private static final String INJECTED = " (injected by the demo cluster's fault rate)";

    private final Vertx vertx;

    FaultResponder(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Answers with {@code fault}; {@code serve} answers normally (after a delay, for {@link ApiFault#DELAY}). */
    void respond(ApiFault fault, HttpServerRequest request, Handler<HttpServerRequest> serve) {
        switch (fault) {
            case SERVER_ERROR -> ApiServer.send(request.response(), StatusResponses.failure(500, "InternalError",
                    "an error on the server has prevented the request from succeeding" + INJECTED));
            case CONFLICT -> ApiServer.send(request.response(), StatusResponses.failure(409, "Conflict",
                    "Operation cannot be fulfilled: the object has been modified; please apply your changes to the "
                            + "latest version and try again" + INJECTED));
            case TOO_MANY_REQUESTS -> {
                MockResponse answer = StatusResponses.failure(429, "TooManyRequests",
                        "the server has received too many requests and has asked us to try again later" + INJECTED);
                ApiServer.send(request.response(), answer.setHeader("Retry-After", "1"));
            }
            case WATCH_EXPIRED -> expire(request);
            case CONNECTION_RESET -> request.connection().close();
            case DELAY -> {
                request.pause();
                vertx.setTimer(DELAY_MILLIS, id -> serve.handle(request));
            }
        }
    }

    /** What a real server sends when a watch's resourceVersion is too old: 200, one ERROR event, the end. */
    private static void expire(HttpServerRequest request) {
        MockResponse gone = StatusResponses.failure(410, "Expired", "too old resource version" + INJECTED);
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            ApiServer.send(request.response(), gone);
            return;
        }
        HttpServerResponse response = request.response();
        response.setStatusCode(200).putHeader("Content-Type", "application/json");
        response.end("{\"type\":\"ERROR\",\"object\":" + gone.getBody().readUtf8() + "}\n");
    }
}
