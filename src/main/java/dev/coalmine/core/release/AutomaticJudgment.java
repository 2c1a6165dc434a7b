package dev.coalmine.core.release;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.traffic.LadderMove;
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
        boolean ladder = WeightedRelease.applies(state) && WeightedRelease.traffic(state).started();
        AnalysisState judged = before.next(verdict, score, now, policy);
        AnalysisState after = ladder ? judged.promotionLeftToTheLadder() : judged;
        boolean warns = verdict.outcome() == Verdict.Outcome.FAIL || verdict.outcome() == Verdict.Outcome.ERROR;
        ReleaseState next = state.withAnalysis(after).withLog(now, Stage.ANALYSIS, line(after.latest(), after, policy),
                warns);
        if (ladder && after.decision() == AnalysisDecision.KEEP_GOING && verdict.outcome() == Verdict.Outcome.PASS) {
            return climbed(next, now);
        }
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

    /** A passing check moves the ladder; past its last step (and no gate) the judge promotes. */
    private static ReleaseState climbed(ReleaseState state, Instant now) {
        LadderMove move = LadderMove.passed(state.plan().traffic(), WeightedRelease.traffic(state), now, false);
        if (move.kind() == LadderMove.Kind.PROMOTE) {
            return state.withDecision(new Decision(DecisionVerdict.PROMOTE, WHO, now, "all "
                    + state.plan().traffic().steps().size() + " steps passed, the last at "
                    + move.next().weight() + " %"));
        }
        return move.kind() == LadderMove.Kind.STAY ? state : WeightedRelease.moved(state, move, now).next();
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
