package dev.coalmine.demo.server;

import static dev.coalmine.demo.server.TableColumns.col;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.server.TableColumns.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** kubectl's columns for HorizontalPodAutoscalers: REFERENCE, TARGETS, MINPODS, MAXPODS, REPLICAS, AGE. */
final class ScalingColumns {
    private static final int SHOWN_METRICS = 2;

    private ScalingColumns() {
    }

    /** Adds the columns after NAME for {@code kind}; false when it is not an HPA. */
    static boolean add(String kind, List<Column> c, Function<JsonNode, Object> age) {
        if (!kind.equals("HorizontalPodAutoscaler")) {
            return false;
        }
        c.add(col("Reference", o -> o.path("spec").path("scaleTargetRef").path("kind").asText() + "/"
                + o.path("spec").path("scaleTargetRef").path("name").asText()));
        c.add(col("Targets", ScalingColumns::targets));
        c.add(col("MinPods", o -> o.path("spec").has("minReplicas")
                ? o.path("spec").path("minReplicas").asText() : "<unset>"));
        c.add(col("MaxPods", o -> o.path("spec").path("maxReplicas").asInt()));
        c.add(col("Replicas", o -> o.path("status").path("currentReplicas").asInt()));
        c.add(col("Age", age));
        return true;
    }

    /** As kube-apiserver's printer formats them, e.g. {@code cpu: 42%/70%} or {@code cpu: <unknown>/70%}. */
    static String targets(JsonNode hpa) {
        JsonNode specs = hpa.path("spec").path("metrics");
        if (specs.isEmpty()) {
            return "<none>";
        }
        JsonNode statuses = hpa.path("status").path("currentMetrics");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < specs.size() && i < SHOWN_METRICS; i++) {
            shown.add(target(specs.get(i), statuses.path(i)));
        }
        String text = String.join(", ", shown);
        return specs.size() > SHOWN_METRICS ? text + " + " + (specs.size() - SHOWN_METRICS) + " more..." : text;
    }

    private static String target(JsonNode spec, JsonNode status) {
        String type = spec.path("type").asText();
        JsonNode source = spec.path(lowerFirst(type));
        JsonNode wanted = source.path("target");
        JsonNode current = status.path(lowerFirst(type)).path("current");
        String name = type.equals("Resource") || type.equals("ContainerResource")
                ? source.path("name").asText() : source.path("metric").path("name").asText();
        if (wanted.has("averageUtilization")) {
            String now = current.has("averageUtilization") ? current.path("averageUtilization").asText() + "%"
                    : "<unknown>";
            return name + ": " + now + "/" + wanted.path("averageUtilization").asText() + "%";
        }
        String field = wanted.has("averageValue") ? "averageValue" : "value";
        return name + ": " + current.path(field).asText("<unknown>") + "/" + wanted.path(field).asText();
    }

    private static String lowerFirst(String type) {
        return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }
}
