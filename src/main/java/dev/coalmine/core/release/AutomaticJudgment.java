package dev.coalmine.core.release;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The pure step that feeds one interval's verdict into a release in {@code Analysing}: it advances the stored
 * analysis, writes the verdict to the step log and, when the analysis decides, records the decision as
 * {@value #WHO} with the reasons. {@link ReleaseDecider#decide} then carries the decision out like a person's;
 * an inconclusive analysis that needs a person moves the release to {@code AwaitingJudgment} there.
 */
public final class AutomaticJudgment {
    /** Who the decisions of the automatic judge are recorded as. */
    public static final String WHO = "automatic judge";

    private AutomaticJudgment() {
    }

    /** The release is analysed automatically, nobody decided yet, and it is in {@code Analysing}. */
    public static boolean analysing(ReleaseState state) {
        return state.phase() instanceof ReleasePhase.Analysing && state.decision() == null
                && state.plan().judge().isAutomatic();
    }

    /** The next check is due: {@code interval} has passed since the last one (or since the analysis started). */
    public static boolean due(ReleaseState state, Duration interval, Instant now) {
        if (!analysing(state)) {
            return false;
        }
        Instant last = state.analysisIfAny().map(AnalysisState::lastCheckAt).orElse(state.phaseSince());
        return !now.isBefore(last.plus(interval));
    }

    /**
     * The release after one more verdict. Does nothing when the release is not {@link #analysing} (a person's
     * decision recorded meanwhile wins).
     *
     * @param score the statistical score, or null when nothing was compared
     */
    public static ReleaseState record(ReleaseState state, Verdict verdict, Double score, AnalysisPolicy policy,
                                      Instant now) {
        if (!analysing(state)) {
            return state;
        }
        AnalysisState before = state.analysisIfAny().orElseGet(() -> AnalysisState.start(state.phaseSince()));
        AnalysisState after = before.next(verdict, score, now, policy);
        boolean warns = verdict.outcome() == Verdict.Outcome.FAIL || verdict.outcome() == Verdict.Outcome.ERROR;
        ReleaseState next = state.withAnalysis(after).withLog(now, Stage.ANALYSIS, line(after.latest(), after, policy),
                warns);
        if (after.decision() == AnalysisDecision.REJECT) {
            return next.withDecision(new Decision(DecisionVerdict.REJECT, WHO, now,
                    String.format(Locale.ROOT, "%d of %d failed checks; last: %s", after.failedChecks(),
                            policy.maxFailedChecks(), after.latest().why())));
        }
        if (after.decision() == AnalysisDecision.PROMOTE) {
            return next.withDecision(new Decision(DecisionVerdict.PROMOTE, WHO, now,
                    String.format(Locale.ROOT, "%d passing checks in a row over %s", after.consecutivePasses(),
                            human(Duration.between(after.startedAt(), now)))));
        }
        return next;
    }

    /** The check's headline (which rule decided), the counts against the limits, then the reasons. */
    private static String line(RecordedVerdict v, AnalysisState progress, AnalysisPolicy policy) {
        return "analysis " + v.headline() + " (" + progress.progress(policy) + ")"
                + (v.reasons().isEmpty() ? "" : " — " + String.join("; ", v.reasons()));
    }

    private static String human(Duration d) {
        return d.toSeconds() < 120 ? d.toSeconds() + "s" : d.toMinutes() + "m";
    }
}
