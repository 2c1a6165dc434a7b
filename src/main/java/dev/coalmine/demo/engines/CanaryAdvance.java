package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a Canary's analysis moves on after a passing interval: the next of {@code stepWeights}, or
 * {@code stepWeight} more up to {@code maxWeight} (100 when unset), or one more iteration.
 */
final class CanaryAdvance {
    private final JsonNode analysis;
    private final ObjectNode status;

    CanaryAdvance(JsonNode analysis, ObjectNode status) {
        this.analysis = analysis;
        this.status = status;
    }

    private boolean iterationsMode() {
        return !analysis.has("stepWeight") && !analysis.has("stepWeights");
    }

    /** Checks run once the canary has traffic (weight above zero), or from the first iteration on. */
    boolean analysing() {
        return iterationsMode() ? status.path("iterations").asInt() > 0 : status.path("canaryWeight").asInt() > 0;
    }

    boolean done() {
        if (iterationsMode()) {
            return status.path("iterations").asInt() >= analysis.path("iterations").asInt(1);
        }
        return status.path("canaryWeight").asInt() >= maxWeight();
    }

    void step() {
        if (iterationsMode()) {
            status.put("iterations", status.path("iterations").asInt() + 1);
            return;
        }
        int weight = status.path("canaryWeight").asInt();
        int next = weight + analysis.path("stepWeight").asInt();
        if (analysis.has("stepWeights")) {
            next = maxWeight();
            for (JsonNode w : analysis.get("stepWeights")) {
                if (w.asInt() > weight) {
                    next = w.asInt();
                    break;
                }
            }
        }
        status.put("canaryWeight", Math.min(next, maxWeight()));
    }

    private int maxWeight() {
        if (analysis.has("stepWeights") && !analysis.get("stepWeights").isEmpty()) {
            JsonNode weights = analysis.get("stepWeights");
            return weights.get(weights.size() - 1).asInt();
        }
        return analysis.path("maxWeight").asInt(100);
    }
}
