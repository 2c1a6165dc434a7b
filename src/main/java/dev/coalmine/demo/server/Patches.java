package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies the three patch types kubectl and clients send: JSON patch (RFC 6902), JSON merge patch (RFC 7386)
 * and Kubernetes strategic merge patch (lists of named things merged by key, {@code $patch} directives).
 */
final class Patches {
    /** Merge keys of the lists Kubernetes' built-in types merge instead of replacing. */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"), Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"), Map.entry("volumeDevices", "devicePath"),
            Map.entry("imagePullSecrets", "name"), Map.entry("conditions", "type"),
            Map.entry("hostAliases", "ip"), Map.entry("ownerReferences", "uid"),
            Map.entry("containerStatuses", "name"), Map.entry("initContainerStatuses", "name"),
            Map.entry("resourceClaims", "name"));

    private Patches() {
    }

    static JsonNode apply(String contentType, JsonNode current, String patchText) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode patch = Json.parse(patchText);
        switch (type) {
            case "application/json-patch+json":
                try {
                    return JsonPatch.apply(replaceMissingAsAdd(patch, current), current);
                } catch (RuntimeException e) {
                    throw new Json.BadRequest("the JSON patch cannot be applied: " + e.getMessage());
                }
            case "application/merge-patch+json":
                return mergePatch(current, patch);
            case "application/strategic-merge-patch+json":
                return strategicMerge(current, patch);
            default:
                throw new UnsupportedType(type);
        }
    }

    /**
     * {@code kubectl rollout undo} replaces {@code /metadata/annotations}, which a Deployment has on a real cluster
     * (the revision annotation) but may lack here before a controller ran; replacing what is missing adds it.
     */
    private static JsonNode replaceMissingAsAdd(JsonNode patch, JsonNode current) {
        if (!patch.isArray()) {
            throw new Json.BadRequest("a JSON patch must be an array of operations");
        }
        ArrayNode ops = patch.deepCopy();
        for (JsonNode op : ops) {
            if (op.path("op").asText().equals("replace") && current.at(op.path("path").asText()).isMissingNode()) {
                ((ObjectNode) op).put("op", "add");
            }
        }
        return ops;
    }

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        if ("replace".equals(patch.path("$patch").asText())) {
            return withoutDirectives((ObjectNode) patch);
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("$deleteFromPrimitiveList/")) {
                deleteFromPrimitiveList(result, key.substring(key.indexOf('/') + 1), value);
            } else if (key.startsWith("$")) {
                continue;
            } else if (value.isNull() || "delete".equals(value.path("$patch").asText())) {
                result.remove(key);
            } else if (value.isArray() && (MERGE_KEYS.containsKey(key) || key.equals("ports"))
                    && result.get(key) instanceof ArrayNode) {
                result.set(key, mergeList((ArrayNode) result.get(key), (ArrayNode) value, mergeKey(key, value)));
            } else if (value.isArray()) {
                result.set(key, withoutDirectiveItems((ArrayNode) value));
            } else {
                result.set(key, strategicMerge(result.get(key), value));
            }
        }
        if (patch.has("$retainKeys")) {
            Set<String> keep = new HashSet<>();
            patch.get("$retainKeys").forEach(k -> keep.add(k.asText()));
            result.retain(keep);
        }
        return result;
    }

    private static String mergeKey(String field, JsonNode items) {
        if (field.equals("ports")) {
            return items.size() > 0 && items.get(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static ArrayNode mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            if ("replace".equals(item.path("$patch").asText())) {
                return withoutDirectiveItems(patch);
            }
        }
        ArrayNode result = current.deepCopy();
        for (JsonNode item : patch) {
            int at = indexOf(result, key, item.get(key));
            if ("delete".equals(item.path("$patch").asText())) {
                if (at >= 0) {
                    result.remove(at);
                }
            } else if (at >= 0) {
                result.set(at, strategicMerge(result.get(at), item));
            } else {
                result.add(strategicMerge(Json.object(), item));
            }
        }
        return result;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; value != null && i < list.size(); i++) {
            if (value.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static void deleteFromPrimitiveList(ObjectNode result, String field, JsonNode values) {
        if (result.get(field) instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                for (JsonNode v : values) {
                    if (v.equals(list.get(i))) {
                        list.remove(i);
                        break;
                    }
                }
            }
        }
    }

    private static ArrayNode withoutDirectiveItems(ArrayNode list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode item : list) {
            if (item.isObject() && item.size() == 1 && item.has("$patch")) {
                continue;
            }
            out.add(item.isObject() ? withoutDirectives((ObjectNode) item) : item);
        }
        return out;
    }

    private static ObjectNode withoutDirectives(ObjectNode node) {
        ObjectNode out = Json.object();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("$")) {
                JsonNode v = e.getValue();
                out.set(e.getKey(), v instanceof ObjectNode o ? withoutDirectives(o)
                        : v instanceof ArrayNode a ? withoutDirectiveItems(a) : v);
            }
        });
        return out;
    }

    /** A patch content type the server does not accept (415). */
    static final class UnsupportedType extends RuntimeException {
        UnsupportedType(String type) {
            super("the body of the request was in an unknown format - accepted media types include: "
                    + "application/json-patch+json, application/merge-patch+json, "
                    + "application/strategic-merge-patch+json (got " + type + ")");
        }
    }
}
