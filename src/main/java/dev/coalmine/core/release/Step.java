package dev.coalmine.core.release;

import java.util.List;

/** The outcome of one {@link ReleaseDecider#decide}: the state to save and the actions to perform. */
public record Step(ReleaseState next, List<ReleaseAction> actions) {
    public Step {
        actions = List.copyOf(actions);
    }
}
