package dev.coalmine.ui.argo;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.CanaryStep;
import java.util.ArrayList;
import java.util.List;

/** One line of the steps list: the step and whether it is done, current, still to come or where an abort stopped. */
public record StepRow(CanaryStep step, Mark mark) {
    public enum Mark {
        DONE, CURRENT, TODO, ABORTED
    }

    /** "✔ 1. setWeight 20". */
    public String text() {
        String symbol = switch (mark) {
            case DONE -> "\u2714";
            case CURRENT -> "\u25B6";
            case TODO -> "\u25CB";
            case ABORTED -> "\u2716";
        };
        return symbol + " " + (step.index() + 1) + ". " + step.describe();
    }

    /** The rows of a Rollout: every step done once the update is complete. */
    public static List<StepRow> of(ArgoRollout rollout) {
        int current = rollout.updating() ? rollout.stepIndex().orElse(0) : rollout.steps().size();
        List<StepRow> rows = new ArrayList<>();
        for (CanaryStep step : rollout.steps()) {
            Mark mark = step.index() < current ? Mark.DONE
                    : step.index() > current ? Mark.TODO
                    : rollout.abort() ? Mark.ABORTED : Mark.CURRENT;
            rows.add(new StepRow(step, mark));
        }
        return rows;
    }
}
