package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small helpers for the engines' JSON trees. */
final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Trees() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The object at {@code field} of {@code parent}, created when missing. */
    static ObjectNode child(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode o ? o : parent.putObject(field);
    }

    static ArrayNode array(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ArrayNode a ? a : parent.putArray(field);
    }

    static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String p : path) {
            at = at.path(p);
        }
        return at.isValueNode() ? at.asText() : "";
    }

    static String name(JsonNode object) {
        return text(object, "metadata", "name");
    }

    static String namespace(JsonNode object) {
        return text(object, "metadata", "namespace");
    }

    static String uid(JsonNode object) {
        return text(object, "metadata", "uid");
    }

    /** RFC 3339 with seconds, as Kubernetes writes times. */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An ownerReference naming {@code owner} as controller. */
    static ObjectNode controllerRef(JsonNode owner) {
        return object().put("apiVersion", text(owner, "apiVersion")).put("kind", text(owner, "kind"))
                .put("name", name(owner)).put("uid", uid(owner)).put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    static boolean ownedBy(JsonNode object, String ownerUid) {
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean() && ref.path("uid").asText().equals(ownerUid)) {
                return true;
            }
        }
        return false;
    }
}
