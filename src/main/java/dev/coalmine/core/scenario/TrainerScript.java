package dev.coalmine.core.scenario;

import java.time.Duration;
import java.util.List;

/** A trainer's scenario: steps in time order, replayed the same way every time. */
public record TrainerScript(List<ScriptStep> steps) {
    public TrainerScript {
        steps = List.copyOf(steps);
    }

    /** When the last step happens. */
    public Duration length() {
        return steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).at();
    }
}
