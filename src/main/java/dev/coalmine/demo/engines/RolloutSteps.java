package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reading a Rollout's canary steps: the weight in force at a step, and pause durations as Argo parses them. */
final class RolloutSteps {
    private final JsonNode steps;

    RolloutSteps(JsonNode rollout) {
        this.steps = rollout.path("spec").path("strategy").path("canary").path("steps");
    }

    int size() {
        return steps.size();
    }

    JsonNode at(int index) {
        return steps.path(index);
    }

    /** The weight of the last {@code setWeight} at or before {@code index}; 0 before the first. */
    int weightAt(int index) {
        int weight = 0;
        for (int i = 0; i <= index && i < steps.size(); i++) {
            if (steps.get(i).has("setWeight")) {
                weight = steps.get(i).get("setWeight").asInt();
            }
        }
        return weight;
    }

    /** A pause step's duration; empty for an indefinite pause ({@code pause: {}}). */
    static Optional<Duration> pauseDuration(JsonNode pause) {
        JsonNode d = pause.path("duration");
        if (d.isIntegralNumber()) {
            return Optional.of(Duration.ofSeconds(d.asLong()));
        }
        if (!d.isTextual() || d.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(d.asText()));
    }

    /** Go-style durations as Argo accepts them: {@code 30}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Duration total = Duration.ZERO;
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }
}
