package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.KeyCertOptions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS side of the demo API server, on 127.0.0.1 only. Ordinary requests and WebSocket watches go through
 * mockwebserver's own Vert.x request handler to the dispatcher; what mockwebserver cannot do, streaming, is
 * done here: watches as chunked HTTP (kubectl, client-go) and {@code logs -f}; and the service proxy, whose
 * forwarding waits for another server and so runs on a worker thread, not on an event loop. Requests a web page
 * could make a browser send ({@link CrossSiteGuard}) are refused first, then requests without the {@link BearerToken}
 * (401, counted apart, never faulted).
 */
final class ApiServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final Vertx vertx = Vertx.vertx();
    private final Dispatcher dispatcher;
    private final PodLogs logs;
    private final ServiceProxy proxy;
    private final RequestCounter requests = new RequestCounter();
    private final FaultInjector faults;
    private final AccessReviewer access;
    private final SelfSignedCertificate certificate;
    private final BearerToken token;
    private final FaultResponder faultResponder = new FaultResponder(vertx);
    private final ExecutorService closer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-api-watch-closer");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private HttpServerRequestHandler standard;

    ApiServer(Dispatcher dispatcher, PodLogs logs, ServiceProxy proxy, FaultInjector faults, AccessReviewer access,
              SelfSignedCertificate certificate, BearerToken token) {
        this.dispatcher = dispatcher;
        this.access = access;
        this.certificate = certificate;
        this.token = token;
        this.faults = faults;
        this.logs = logs;
        this.proxy = proxy;
    }

    /** Binds 127.0.0.1:port (0 = any free port) and returns the bound port. */
    int start(int port) {
        standard = new HttpServerRequestHandler(vertx) {
            @Override
            protected MockResponse onHttpRequest(RecordedRequest request) {
                if (request.getMethod() != null && request.getMethod().equalsIgnoreCase("PATCH")) {
                    requests.recordPatch(request.getPath(), request.getHeader("Content-Type"),
                            new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return dispatcher.dispatch(request);
            }
        };
        // HTTP/1.1 only (no ALPN): clients keep their connections alive, so the handshake is paid once per connection.
        HttpServerOptions options = new HttpServerOptions().setHost(HOST).setPort(port)
                .setHttp2ClearTextEnabled(false).setHandle100ContinueAutomatically(true)
                .setSsl(true).setUseAlpn(false).setKeyCertOptions(KeyCertOptions.wrap(certificate.keyManagers()));
        server = vertx.createHttpServer(options).requestHandler(request -> {
            Optional<String> refusal = CrossSiteGuard.refusal(request.method().name(), request::getHeader);
            if (refusal.isPresent()) {
                send(request.response(), StatusResponses.failure(403, "Forbidden", refusal.get()));
                return;
            }
            if (!token.authorizes(request.getHeader("Authorization"))) {
                requests.recordUnauthorized();
                send(request.response(), StatusResponses.failure(401, "Unauthorized", "Unauthorized"));
                return;
            }
            requests.record(request.getHeader("User-Agent"), request.method().name(), request.uri());
            Optional<MockResponse> forbidden = forbidden(request);
            if (forbidden.isPresent()) {
                send(request.response(), forbidden.get());
                return;
            }
            faults.draw(request.getHeader("User-Agent"), request.method().name(), request.uri()).ifPresentOrElse(
                    fault -> faultResponder.respond(fault, request, this::serve), () -> serve(request));
        });
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the demo API server", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("cannot listen on " + HOST + ":" + port + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /** 403 Forbidden when the demo's RBAC rules deny an API client's request; the demo's own controllers pass. */
    private Optional<MockResponse> forbidden(HttpServerRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.startsWith(FaultInjector.DEMO_AGENT)) {
            return Optional.empty();
        }
        return ApiPath.parse(request.uri()).flatMap(path -> access.refusal(request.method().name(), path)
                .map(message -> StatusResponses.failure(403, "Forbidden", message, path.group(), path.resource(),
                        path.name())));
    }

    /** Answers a request the normal way: the service proxy, a streamed watch or log, or the dispatcher. */
    private void serve(HttpServerRequest request) {
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        String uri = request.uri();
        Optional<Matcher> proxied = ServiceProxy.match(uri);
        if (proxied.isPresent()) {
            forwardToService(request, proxied.get());
            return;
        }
        if (!upgrade && request.method() == io.vertx.core.http.HttpMethod.GET) {
            Optional<ApiPath> path = ApiPath.parse(uri);
            if (path.isPresent() && path.get().isWatch()) {
                streamWatch(request);
                return;
            }
            if (path.isPresent() && "log".equals(path.get().subresource())
                    && "true".equals(path.get().param("follow"))) {
                followLog(request, path.get());
                return;
            }
        }
        standard.handle(request);
    }

    RequestCounter requests() {
        return requests;
    }

    FaultLog faults() {
        return faults.log();
    }

    private void streamWatch(HttpServerRequest request) {
        Headers.Builder headers = Headers.builder();
        request.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
        RecordedRequest recorded = new RecordedRequest("HTTP/1.1", HttpMethod.GET, request.uri(), headers.build(),
                new Buffer());
        MockResponse answer = dispatcher.dispatch(recorded);
        HttpServerResponse response = request.response();
        WebSocketListener listener = answer.getWebSocketListener();
        if (listener == null) {
            send(response, answer);
            return;
        }
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        response.writeHead();
        ChunkedWatchSocket socket = new ChunkedWatchSocket(recorded, response);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable finish = () -> {
            if (closed.compareAndSet(false, true)) {
                closer.execute(() -> {
                    socket.close(1000, "watch ended");
                    listener.onClosed(socket, 1000, "watch ended");
                });
            }
        };
        response.closeHandler(v -> finish.run());
        String timeout = ApiPath.parse(request.uri()).map(p -> p.param("timeoutSeconds")).orElse(null);
        if (timeout != null && !timeout.isEmpty()) {
            vertx.setTimer(Math.max(1, Long.parseLong(timeout)) * 1000, id -> finish.run());
        }
        listener.onBeforeAccept(socket, answer);
        listener.onOpen(socket, answer);
    }

    private void followLog(HttpServerRequest request, ApiPath path) {
        HttpServerResponse response = request.response();
        PodLogs.Target target;
        try {
            target = logs.target(path);
        } catch (ApiFailure e) {
            send(response, e.response());
            return;
        }
        Instant[] last = {Instant.now()};
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
        response.write(logs.history(target, path, last[0]));
        long timer = vertx.setPeriodic(1000, id -> {
            if (response.ended() || response.closed()) {
                vertx.cancelTimer(id);
                return;
            }
            PodLogs.Followed lines = logs.after(target, last[0], Instant.now());
            last[0] = lines.next();
            if (!lines.text().isEmpty()) {
                response.write(lines.text());
            }
            if (!logs.stillExists(target)) {
                vertx.cancelTimer(id);
                response.end();
            }
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    private void forwardToService(HttpServerRequest request, Matcher target) {
        String method = request.method().name();
        String contentType = request.getHeader("Content-Type");
        request.body().onSuccess(body -> vertx.executeBlocking(() -> proxy.answer(target, method, contentType,
                body.getBytes()), false).onSuccess(answer -> send(request.response(), answer))
                .onFailure(e -> send(request.response(), StatusResponses.failure(503, "ServiceUnavailable",
                        "error trying to reach service: " + e.getMessage()))));
    }

    static void send(HttpServerResponse response, MockResponse answer) {
        response.setStatusCode(answer.code());
        answer.getHeaders().toMultimap().forEach((k, v) -> response.headers().add(k, v));
        response.end(io.vertx.core.buffer.Buffer.buffer(answer.getBody().getBytes()));
    }

    @Override
    public void close() {
        dispatcher.shutdown();
        if (server != null) {
            await(server.close(), "closing the HTTP server");
        }
        dispatcher.releaseResources();
        closer.shutdownNow();
        await(vertx.close(), "stopping Vert.x");
    }

    private static void await(Future<?> step, String what) {
        try {
            step.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Shutting down regardless: the port is released when the event loops stop.
            LoggerFactory.getLogger(ApiServer.class).debug("{} failed: {}", what, e.toString());
        }
    }
}
