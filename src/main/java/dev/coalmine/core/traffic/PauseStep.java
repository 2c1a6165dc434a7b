package dev.coalmine.core.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * Once the analysis at {@code weight} passed, the ladder waits there: for {@code duration}, or, when it is null,
 * until a person resumes (Argo Rollouts' {@code pause: {}}).
 */
public record PauseStep(int weight, Duration duration) {
    public PauseStep {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new CoalmineException("the pause at " + weight + " % needs a positive duration, got "
                    + Durations.format(duration));
        }
    }

    /** {@code WEIGHT} or {@code WEIGHT:DURATION}, e.g. {@code 25} or {@code 25:10m}. */
    public static PauseStep parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String weight = colon < 0 ? t : t.substring(0, colon);
        if (!weight.matches("\\d{1,3}")) {
            throw new CoalmineException("'" + text + "' is not WEIGHT[:DURATION]: write e.g. --pause-at 25 or "
                    + "--pause-at 25:10m");
        }
        return new PauseStep(Integer.parseInt(weight), colon < 0 ? null : Durations.parse(t.substring(colon + 1)));
    }

    public Optional<Duration> durationIfAny() {
        return Optional.ofNullable(duration);
    }

    /** "pause until resumed" or "pause 10m". */
    public String describe() {
        return duration == null ? "pause until resumed" : "pause " + Durations.format(duration);
    }
}
