package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request: discovery and {@code /version}, SelfSubjectAccessReviews, the {@code scale} and
 * {@code log} subresources, and everything else to the {@link ClusterStore}; then polishes error answers.
 */
final class ApiDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private final ClusterStore store;
    private final DiscoveryDocuments discovery;
    private final AccessReviewer reviewer;
    private final SelfSubjectReviews whoami = new SelfSubjectReviews();
    private final ScaleSubresource scale;
    private final PodLogs logs;
    private final TableRenderer tables;
    private final OpenApiDocuments openApi;
    private final StoredVersions versions;

    ApiDispatcher(ClusterStore store, DiscoveryDocuments discovery, AccessReviewer reviewer, ScaleSubresource scale,
            PodLogs logs, TableRenderer tables, OpenApiDocuments openApi, StoredVersions versions) {
        this.openApi = openApi;
        this.versions = versions;
        this.store = store;
        this.discovery = discovery;
        this.reviewer = reviewer;
        this.scale = scale;
        this.logs = logs;
        this.tables = tables;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String uri = request.getPath();
        String method = request.getMethod();
        String pathOnly = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Optional<ApiPath> requested = ApiPath.parse(uri);
        Optional<ApiPath> parsed = requested.map(versions::toStored);
        try {
            String raw = body(request);
            String body = requested.map(r -> versions.bodyToStored(r, raw)).orElse(raw);
            if (method.equals("GET")) {
                Optional<String> document = discovery.documentFor(pathOnly).or(() -> openApi.documentFor(pathOnly));
                if (document.isPresent()) {
                    return StatusResponses.json(200, document.get());
                }
                if (pathOnly.matches("/(healthz|livez|readyz)")) {
                    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                            .setBody("ok");
                }
            }
            if (parsed.isEmpty()) {
                return StatusResponses.failure(404, "NotFound", "the server could not find the requested resource");
            }
            ApiPath path = parsed.get();
            String contentType = request.getHeader("Content-Type");
            if (ProtobufBodies.isProtobuf(contentType)) {
                contentType = "application/json";
            }
            MockResponse answer = versions.toRequested(requested.get(), StatusResponses.polish(path,
                    route(path, method, contentType, body, request.getHeader("Accept"),
                            versions.presenter(requested.get()))));
            LOG.debug("{} {} -> {}", method, uri, answer.code());
            return answer;
        } catch (ApiFailure e) {
            return e.response();
        } catch (Json.BadRequest | NumberFormatException e) {
            return StatusResponses.failure(400, "BadRequest", e.getMessage());
        } catch (Patches.UnsupportedType e) {
            return StatusResponses.failure(415, "UnsupportedMediaType", e.getMessage());
        }
    }

    private static String body(RecordedRequest request) {
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().readByteArray();
        if (bytes.length > 0 && ProtobufBodies.isProtobuf(request.getHeader("Content-Type"))) {
            return ProtobufBodies.toJson(bytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private MockResponse route(ApiPath path, String method, String contentType, String body, String accept,
            UnaryOperator<JsonNode> asRequested) {
        if (path.resource().equals("selfsubjectaccessreviews") && method.equals("POST")) {
            return reviewer.review(body);
        }
        if (path.resource().equals("selfsubjectrulesreviews") && method.equals("POST")) {
            return reviewer.rules(body);
        }
        if (path.resource().equals("selfsubjectreviews") && method.equals("POST")) {
            return whoami.review(body);
        }
        String sub = path.subresource();
        if ("scale".equals(sub)) {
            return method.equals("GET") ? scale.get(path)
                    : store.locked(() -> scale.write(path, method, contentType, body));
        }
        if ("log".equals(sub) && method.equals("GET")) {
            return logs.snapshot(path);
        }
        if (sub != null && !sub.equals("status")) {
            return StatusResponses.failure(404, "NotFound", "the server could not find the requested resource");
        }
        return switch (method) {
            case "GET" -> get(path, accept, asRequested);
            case "POST" -> path.name() == null ? store.create(path, contentType, body)
                    : StatusResponses.failure(405, "MethodNotAllowed", "POST is not allowed on a named object");
            case "PUT" -> store.replace(path, contentType, body);
            case "PATCH" -> store.patch(path, contentType, body);
            case "DELETE" -> store.delete(dryRunInBody(body) ? path.withParam("dryRun", "All") : path,
                    orphans(path, body));
            default -> StatusResponses.failure(405, "MethodNotAllowed", method + " is not supported");
        };
    }

    private MockResponse get(ApiPath path, String accept, UnaryOperator<JsonNode> asRequested) {
        boolean table = tables.wanted(accept);
        if (path.isWatch()) {
            return store.watch(path, table
                    ? o -> tables.render(path, List.of(asRequested.apply(o)),
                            o.path("metadata").path("resourceVersion").asText())
                    : asRequested);
        }
        if (path.name() != null) {
            MockResponse single = store.handleGet(path.pathOnly());
            if (single.code() == 200 && table) {
                return StatusResponses.json(200, tables.render(path, List.of(
                        Json.parse(single.getBody().readUtf8())), store.currentResourceVersion()));
            }
            return single;
        }
        List<JsonNode> items = store.list(path);
        if (table) {
            return StatusResponses.json(200, tables.render(path, items, store.currentResourceVersion()));
        }
        return StatusResponses.json(200, store.listDocument(path, items));
    }

    /** kubectl delete --dry-run=server puts dryRun into the DeleteOptions body, not the query. */
    private static boolean dryRunInBody(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        for (JsonNode value : Json.parse(body).path("dryRun")) {
            if (value.asText().equals("All")) {
                return true;
            }
        }
        return false;
    }

    private static boolean orphans(ApiPath path, String body) {
        if ("Orphan".equals(path.param("propagationPolicy"))) {
            return true;
        }
        if (body == null || body.isBlank()) {
            return false;
        }
        JsonNode options = Json.parse(body);
        return options.path("propagationPolicy").asText().equals("Orphan")
                || options.path("orphanDependents").asBoolean(false);
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }

    @Override
    public void releaseResources() {
        store.releaseResources();
    }
}
