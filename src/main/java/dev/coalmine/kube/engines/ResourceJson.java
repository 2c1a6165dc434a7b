package dev.coalmine.kube.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.core.engine.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/** Reads a custom resource as a JSON tree: absent fields read as empty, never as an exception. */
public final class ResourceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceJson() {
    }

    public static JsonNode tree(GenericKubernetesResource resource) {
        return JSON.valueToTree(resource);
    }

    public static Integer intOrNull(JsonNode node) {
        return node.isNumber() || node.isTextual() && node.asText().matches("-?\\d+") ? node.asInt() : null;
    }

    /** A text field, or "" when absent. */
    public static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    /** {@code status.conditions[]} in the shape both projects share (type, status, reason, message). */
    public static List<Condition> conditions(JsonNode status) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : status.path("conditions")) {
            conditions.add(new Condition(text(c.path("type")), text(c.path("status")), text(c.path("reason")),
                    text(c.path("message"))));
        }
        return conditions;
    }
}
