package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** {@code .../deployments/NAME/scale} (and replicasets, statefulsets): an autoscaling/v1 Scale view of spec.replicas. */
final class ScaleSubresource {
    private final ClusterStore store;

    ScaleSubresource(ClusterStore store) {
        this.store = store;
    }

    MockResponse get(ApiPath path) {
        return store.read(path.objectPath()).map(o -> StatusResponses.json(200, scaleOf(o)))
                .orElseGet(() -> StatusResponses.notFound(path));
    }

    /** PUT (a whole Scale) or PATCH (any patch type, applied to the Scale). */
    MockResponse write(ApiPath path, String method, String contentType, String body) {
        Optional<JsonNode> current = store.read(path.objectPath());
        if (current.isEmpty()) {
            return StatusResponses.notFound(path);
        }
        ObjectNode scale = scaleOf(current.get());
        JsonNode wanted = method.equals("PUT") ? Json.parse(body) : Patches.apply(contentType, scale, body);
        String expectedVersion = wanted.path("metadata").path("resourceVersion").asText();
        String actualVersion = scale.path("metadata").path("resourceVersion").asText();
        if (!expectedVersion.isEmpty() && !expectedVersion.equals(actualVersion)) {
            return StatusResponses.failure(409, "Conflict", "Operation cannot be fulfilled on " + path.resource()
                    + "." + path.group() + " \"" + path.name() + "\": the object has been modified; please apply "
                    + "your changes to the latest version and try again", path.group(), path.resource(), path.name());
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
            return StatusResponses.failure(422, "Invalid", "Scale.autoscaling \"" + path.name()
                    + "\" is invalid: spec.replicas: Invalid value: must be greater than or equal to 0");
        }
        ObjectNode patch = Json.object();
        patch.putObject("spec").put("replicas", replicas.asInt());
        ApiPath main = new ApiPath(path.group(), path.version(), path.namespace(), path.resource(), path.name(),
                null, path.query());
        MockResponse updated = store.patch(main, "application/merge-patch+json", Json.write(patch));
        if (updated.code() >= 300) {
            return updated;
        }
        return StatusResponses.json(200, scaleOf(Json.parse(updated.getBody().readUtf8())));
    }

    private static ObjectNode scaleOf(JsonNode workload) {
        JsonNode meta = workload.path("metadata");
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode m = scale.putObject("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (meta.has(field)) {
                m.set(field, meta.get(field));
            }
        }
        scale.putObject("spec").put("replicas", workload.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status").put("replicas",
                workload.path("status").path("replicas").asInt(0));
        JsonNode matchLabels = workload.path("spec").path("selector").path("matchLabels");
        String selector = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(matchLabels.fields(), 0), false)
                .map(e -> e.getKey() + "=" + e.getValue().asText()).collect(Collectors.joining(","));
        status.put("selector", selector);
        return scale;
    }
}
