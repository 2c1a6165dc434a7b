package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Rollout's {@code status.phase} and {@code status.message}, decided as Argo Rollouts' controller decides them
 * ({@code CalculateRolloutPhase} in utils/rollout/rolloututil.go), for the canary strategy without traffic routing.
 */
record RolloutPhase(String phase, String message) {
    static RolloutPhase of(JsonNode spec, JsonNode status) {
        for (JsonNode c : status.path("conditions")) {
            String reason = c.path("reason").asText();
            if (c.path("type").asText().equals("InvalidSpec")) {
                return new RolloutPhase("Degraded", "InvalidSpec: " + c.path("message").asText());
            }
            if (reason.equals("RolloutAborted") || reason.equals("ProgressDeadlineExceeded")) {
                return new RolloutPhase("Degraded", reason + ": " + c.path("message").asText());
            }
        }
        if (spec.path("paused").asBoolean()) {
            return new RolloutPhase("Paused", "manually paused");
        }
        JsonNode pause = status.path("pauseConditions").path(0);
        if (!pause.isMissingNode()) {
            return new RolloutPhase("Paused", pause.path("reason").asText());
        }
        int replicas = spec.path("replicas").asInt(1);
        int updated = status.path("updatedReplicas").asInt();
        if (updated < replicas) {
            return new RolloutPhase("Progressing", "more replicas need to be updated");
        }
        if (status.path("availableReplicas").asInt() < updated) {
            return new RolloutPhase("Progressing", "updated replicas are still becoming available");
        }
        if (status.path("replicas").asInt() > updated) {
            return new RolloutPhase("Progressing", "old replicas are pending termination");
        }
        String stable = status.path("stableRS").asText();
        if (stable.isEmpty() || !stable.equals(status.path("currentPodHash").asText())) {
            return new RolloutPhase("Progressing", "waiting for all steps to complete");
        }
        return new RolloutPhase("Healthy", "");
    }
}
