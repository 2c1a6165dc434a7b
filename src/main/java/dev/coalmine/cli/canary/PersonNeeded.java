package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.release.ReleaseService;
import java.util.function.Predicate;

/**
 * Where a command that drives a release hands it over: a person has to decide and nobody has yet. A decision
 * recorded with {@code --no-wait} is not a reason to stop; it is what the driving carries out. A weighted release
 * with a manual judge waits in AwaitingJudgment while its steps go by, so it is handed over only at the end of its
 * ladder, or at a pause that waits for a person.
 */
final class PersonNeeded {
    private PersonNeeded() {
    }

    static Predicate<ReleaseState> under(ReleasePlan plan) {
        Predicate<ReleaseState> waits;
        if (plan.weighted()) {
            waits = s -> ReleaseService.pausedForPerson(s) || s.phase() instanceof ReleasePhase.AwaitingJudgment
                    && (plan.judge().isAutomatic() || s.trafficIfAny().filter(TrafficState::atGate).isPresent());
        } else {
            waits = plan.judge().isAutomatic() ? s -> s.phase() instanceof ReleasePhase.AwaitingJudgment
                    : s -> s.phase().awaitingDecision();
        }
        return waits.and(s -> s.decisionIfAny().isEmpty());
    }
}
