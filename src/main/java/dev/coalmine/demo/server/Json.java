package dev.coalmine.demo.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON helpers for the API server: one mapper, small tree accessors. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The object at a dotted path, created as needed. */
    static ObjectNode with(JsonNode root, String dotted) {
        ObjectNode node = (ObjectNode) root;
        for (String part : dotted.split("\\.")) {
            JsonNode next = node.get(part);
            if (!(next instanceof ObjectNode)) {
                next = node.putObject(part);
            }
            node = (ObjectNode) next;
        }
        return node;
    }

    /** The text at a dotted path (e.g. {@code involvedObject.name}), or null. */
    static String text(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** Thrown for a request the server rejects as malformed (400). */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
