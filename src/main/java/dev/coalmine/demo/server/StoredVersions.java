package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A kind served in several versions whose schemas are the same (a CRD with conversion strategy {@code None}):
 * every object is stored once, in the first version the catalog lists, and read and written through any served
 * version, with only {@code apiVersion} changed on the way in and out. So a client that writes
 * {@code networking.istio.io/v1beta1} and one that reads {@code v1} see the same VirtualService.
 */
final class StoredVersions {
    private final ResourceCatalog catalog;

    StoredVersions(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The path in the stored version, or the same path when it already is (or the kind has one version). */
    ApiPath toStored(ApiPath requested) {
        return stored(requested).map(t -> new ApiPath(requested.group(), t.version(), requested.namespace(),
                requested.resource(), requested.name(), requested.subresource(), requested.query()))
                .orElse(requested);
    }

    /** A create, replace or patch body with its {@code apiVersion} (if it names the requested one) made the stored one. */
    String bodyToStored(ApiPath requested, String body) {
        Optional<ResourceType> stored = stored(requested);
        if (stored.isEmpty() || body == null || body.isBlank()) {
            return body;
        }
        JsonNode parsed = Json.parse(body);
        if (parsed instanceof ObjectNode object && object.path("apiVersion").asText().equals(requested.apiVersion())) {
            object.put("apiVersion", stored.get().apiVersion());
            return Json.write(object);
        }
        return body;
    }

    /** The answer as the requested version: the object, a list's items or a table's objects relabelled. */
    MockResponse toRequested(ApiPath requested, MockResponse answer) {
        Optional<ResourceType> stored = stored(requested);
        if (stored.isEmpty() || answer.getWebSocketListener() != null || answer.getBody() == null) {
            return answer;
        }
        String body = new String(answer.getBody().getBytes(), StandardCharsets.UTF_8);
        if (!body.startsWith("{")) {
            return answer;
        }
        JsonNode document = relabel(Json.parse(body), stored.get().apiVersion(), requested.apiVersion());
        document.path("items").forEach(item -> relabel(item, stored.get().apiVersion(), requested.apiVersion()));
        document.path("rows").forEach(row ->
                relabel(row.path("object"), stored.get().apiVersion(), requested.apiVersion()));
        return answer.setBody(Json.write(document));
    }

    /** What a watch of the requested version shows of each stored object. */
    UnaryOperator<JsonNode> presenter(ApiPath requested) {
        Optional<ResourceType> stored = stored(requested);
        if (stored.isEmpty()) {
            return o -> o;
        }
        return o -> relabel(o.deepCopy(), stored.get().apiVersion(), requested.apiVersion());
    }

    private Optional<ResourceType> stored(ApiPath requested) {
        boolean served = catalog.all().stream().anyMatch(t -> t.group().equals(requested.group())
                && t.version().equals(requested.version()) && t.plural().equals(requested.resource()));
        return catalog.find(requested).filter(t -> served && !t.version().equals(requested.version()));
    }

    private static JsonNode relabel(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object && object.path("apiVersion").asText().equals(from)) {
            object.put("apiVersion", to);
        }
        return node;
    }
}
