package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Sets one condition in a status's {@code conditions}, keeping its transition time while its status is unchanged. */
final class Conditions {
    private Conditions() {
    }

    static void set(ObjectNode status, String type, String value, String reason, String message, Instant now) {
        ArrayNode conditions = Trees.array(status, "conditions");
        ObjectNode existing = null;
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                existing = (ObjectNode) c;
            }
        }
        String transition = existing != null && existing.path("status").asText().equals(value)
                ? existing.path("lastTransitionTime").asText() : Trees.time(now);
        if (existing != null && existing.path("status").asText().equals(value)
                && existing.path("reason").asText().equals(reason) && existing.path("message").asText().equals(message)) {
            return;
        }
        ObjectNode c = existing == null ? conditions.addObject() : existing;
        c.put("type", type).put("status", value).put("reason", reason).put("message", message)
                .put("lastTransitionTime", transition).put("lastUpdateTime", Trees.time(now));
    }

    static void remove(ObjectNode status, String type) {
        ArrayNode conditions = Trees.array(status, "conditions");
        for (int i = conditions.size() - 1; i >= 0; i--) {
            if (conditions.get(i).path("type").asText().equals(type)) {
                conditions.remove(i);
            }
        }
    }
}
