package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A canary pause step, as Argo's pause context runs it: entering it adds a {@code CanaryPauseStep} pause condition
 * and sets {@code controllerPause}; it ends when its duration has passed, or when someone (the promote command)
 * cleared the pause conditions while {@code controllerPause} is still set.
 */
final class RolloutPauseStep {
    static final String REASON = "CanaryPauseStep";
    private final ObjectNode status;
    private final Instant now;

    RolloutPauseStep(ObjectNode status, Instant now) {
        this.status = status;
        this.now = now;
    }

    boolean completed(JsonNode pause) {
        JsonNode condition = condition();
        if (condition == null) {
            if (status.path("controllerPause").asBoolean()) {
                status.put("controllerPause", false);
                return true;
            }
            Trees.array(status, "pauseConditions").addObject().put("reason", REASON).put("startTime", Trees.time(now));
            status.put("controllerPause", true);
            return false;
        }
        Optional<Duration> duration = RolloutSteps.pauseDuration(pause);
        Instant started = Trees.instant(condition.path("startTime"));
        if (duration.isPresent() && started != null && !now.isBefore(started.plus(duration.get()))) {
            status.remove("pauseConditions");
            status.put("controllerPause", false);
            return true;
        }
        return false;
    }

    private JsonNode condition() {
        JsonNode conditions = status.path("pauseConditions");
        if (conditions instanceof ArrayNode list) {
            for (JsonNode c : list) {
                if (c.path("reason").asText().equals(REASON)) {
                    return c;
                }
            }
        }
        return null;
    }
}
