package dev.coalmine.cli.canary;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficState;
import java.io.PrintWriter;
import java.time.Duration;

/** How a release judged automatically ends up on the terminal, and with which exit code. */
final class AutomaticOutcome {
    static final int REJECTED = 3;
    static final int NEEDS_A_PERSON = 4;

    private AutomaticOutcome() {
    }

    /** Deploying, a long analysis and promoting: generous, and a re-run continues anyway. */
    static Duration timeout(ReleasePlan plan) {
        JudgeSettings settings = plan.judge().settings();
        return plan.steadyStateTimeout().multipliedBy(2).plus(settings.analysis().minAnalysisDuration())
                .plus(settings.interval().multipliedBy(50)).plus(plan.traffic().minimumTimeToPromote()).plusMinutes(2);
    }

    /** With a manual judge: up to steady state, and through a weighted ladder's steps. */
    static Duration manualTimeout(ReleasePlan plan) {
        return plan.steadyStateTimeout().plusMinutes(2).plus(plan.traffic().minimumTimeToPromote());
    }

    /** Every outcome but Failed is a result, so it goes to stdout like Succeeded; the exit code tells them apart. */
    static int report(ReleaseState state, PrintWriter out, PrintWriter err, FollowUp next) {
        String deployment = next.deployment();
        String verdict = state.latestVerdict().map(v -> " (last verdict: " + v.why() + ")").orElse("");
        String head = "release " + state.number() + " of " + deployment + ": ";
        if (state.phase() instanceof ReleasePhase.Failed failed) {
            err.println("error: " + head + "failed: " + failed.reason());
            err.flush();
            return 1;
        }
        if (state.phase() instanceof ReleasePhase.Rejected) {
            String by = state.decisionIfAny().map(d -> " by " + d.who() + (d.reason() == null ? "" : ": " + d.reason()))
                    .orElse("");
            out.println(head + "Rejected" + by);
            out.flush();
            return REJECTED;
        }
        if (state.phase() instanceof ReleasePhase.AwaitingJudgment && state.trafficIfAny().filter(TrafficState::atGate)
                .isPresent()) {
            out.println(head + "all " + state.plan().traffic().steps().size() + " steps passed" + verdict
                    + "; waiting for a person at the manual gate: " + next.decide());
            out.flush();
            return NEEDS_A_PERSON;
        }
        if (state.phase() instanceof ReleasePhase.AwaitingJudgment) {
            out.println(head + "the automatic judge cannot decide" + verdict + "; " + next.decide());
            out.flush();
            return NEEDS_A_PERSON;
        }
        out.println(head + state.phase().label() + verdict);
        out.flush();
        return 0;
    }
}
