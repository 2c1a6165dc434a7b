package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Writes a Canary's status as Flagger's {@code setStatusPhase} and {@code MakeStatusConditions} do: the phase, the
 * {@code Promoted} condition with Flagger's messages, and {@code lastTransitionTime} on every change.
 */
final class CanaryStatus {
    private final JsonNode canary;
    private final ObjectNode status;
    private final Instant now;

    CanaryStatus(JsonNode canary, ObjectNode status, Instant now) {
        this.canary = canary;
        this.status = status;
        this.now = now;
        if (!status.has("phase")) {
            status.put("phase", "").put("canaryWeight", 0).put("failedChecks", 0).put("iterations", 0);
        }
    }

    ObjectNode status() {
        return status;
    }

    /** A new phase with the counters back at zero (a new analysis, or initialization). */
    void restart(String phase) {
        status.put("canaryWeight", 0).put("failedChecks", 0).put("iterations", 0);
        phase(phase);
    }

    void phase(String phase) {
        status.put("phase", phase);
        String kind = canary.path("spec").path("targetRef").path("kind").asText("Deployment");
        String value;
        String message;
        switch (phase) {
            case "Initialized" -> {
                value = "True";
                message = kind + " initialization completed.";
            }
            case "Progressing" -> {
                value = "Unknown";
                message = "New revision detected, progressing canary analysis.";
            }
            case "Promoting" -> {
                value = "Unknown";
                message = "Canary analysis completed, starting primary rolling update.";
            }
            case "Finalising" -> {
                value = "Unknown";
                message = "Canary analysis completed, routing all traffic to primary.";
            }
            case "Succeeded" -> {
                value = "True";
                message = "Canary analysis completed successfully, promotion finished.";
            }
            case "Failed" -> {
                value = "False";
                message = "Canary analysis failed, " + kind + " scaled to zero.";
            }
            default -> {
                value = "Unknown";
                message = "New " + kind + " detected, starting initialization.";
            }
        }
        Conditions.set(status, "Promoted", value, phase, message, now);
        touch();
    }

    void touch() {
        status.put("lastTransitionTime", Trees.time(now));
    }
}
