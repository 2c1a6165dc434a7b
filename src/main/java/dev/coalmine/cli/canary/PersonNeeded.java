package dev.coalmine.cli.canary;

import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import java.util.function.Predicate;

/**
 * Where a command that drives a release hands it over: a person has to decide and nobody has yet. A decision
 * recorded with {@code --no-wait} is not a reason to stop; it is what the driving carries out.
 */
final class PersonNeeded {
    private PersonNeeded() {
    }

    static Predicate<ReleaseState> under(JudgeSpec judge) {
        Predicate<ReleaseState> waits = judge.isAutomatic() ? s -> s.phase() instanceof ReleasePhase.AwaitingJudgment
                : s -> s.phase().awaitingDecision();
        return waits.and(s -> s.decisionIfAny().isEmpty());
    }
}
