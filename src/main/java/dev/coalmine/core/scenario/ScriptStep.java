package dev.coalmine.core.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One moment of a trainer's script: at {@code at} after the start, set the canary's behaviour and/or the request
 * rate, and show a note. {@code line} is where the step starts in the script.
 */
public record ScriptStep(int line, Duration at, Optional<CanaryBehaviour> canary, OptionalDouble requestsPerSecond,
                         Optional<String> note) {
    /** "canary: slow, rate: 80 req/s — watch p99", as the timeline shows it. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        canary.ifPresent(c -> parts.add("canary: " + c.word()));
        if (requestsPerSecond.isPresent()) {
            parts.add(String.format(Locale.ROOT, "rate: %.0f req/s", requestsPerSecond.getAsDouble()));
        }
        return String.join(", ", parts) + note.map(n -> (parts.isEmpty() ? "" : " \u2014 ") + n).orElse("");
    }
}
