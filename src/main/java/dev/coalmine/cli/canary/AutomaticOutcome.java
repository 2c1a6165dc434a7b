package dev.coalmine.cli.canary;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
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
                .plus(settings.interval().multipliedBy(50)).plusMinutes(2);
    }

    static int report(ReleaseState state, PrintWriter out, PrintWriter err, String deployment) {
        String verdict = state.latestVerdict().map(v -> " (last verdict: " + v.summary() + ")").orElse("");
        String head = "release " + state.number() + " of " + deployment + ": ";
        if (state.phase() instanceof ReleasePhase.Failed failed) {
            err.println("error: " + head + "failed: " + failed.reason());
            err.flush();
            return 1;
        }
        if (state.phase() instanceof ReleasePhase.Rejected) {
            String by = state.decisionIfAny().map(d -> " by " + d.who() + (d.reason() == null ? "" : ": " + d.reason()))
                    .orElse("");
            err.println(head + "Rejected" + by);
            err.flush();
            return REJECTED;
        }
        if (state.phase() instanceof ReleasePhase.AwaitingJudgment) {
            err.println(head + "the automatic judge cannot decide" + verdict + "; decide with: coalmine canary promote "
                    + deployment + "  or  coalmine canary reject " + deployment);
            err.flush();
            return NEEDS_A_PERSON;
        }
        out.println(head + state.phase().label() + verdict);
        out.flush();
        return 0;
    }
}
