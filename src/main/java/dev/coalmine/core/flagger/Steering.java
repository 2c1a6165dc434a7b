package dev.coalmine.core.flagger;

import java.util.List;

/** What the console may do to a Flagger Canary: the gate calls its webhooks allow, or why it cannot steer it. */
public sealed interface Steering {
    /** @param limits what this Canary's webhooks do not allow, in words (empty when both gates are there) */
    record Steerable(List<GateAction> actions, List<String> limits) implements Steering {
        public Steerable {
            actions = List.copyOf(actions);
            limits = List.copyOf(limits);
        }
    }

    record NotSteerable(String why) implements Steering {
    }
}
