package dev.coalmine.core.release;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The automatic judge's analysis so far, as a value: stored with the release (flat, as plain JSON) so that a driver
 * started after a kill continues the count instead of starting again, and fed one verdict per interval.
 * Fails count toward the limit for the whole analysis; passes and inconclusive checks count consecutively.
 * While waiting for a human, passes do not promote but fails still reject: safety does not wait.
 *
 * @param latest the latest verdict, or null before the first check
 */
public record AnalysisState(Instant startedAt, int checks, int failedChecks, int consecutivePasses,
                            int consecutiveInconclusive, AnalysisDecision decision, RecordedVerdict latest) {

    public AnalysisState {
        decision = decision == null ? AnalysisDecision.KEEP_GOING : decision;
    }

    public static AnalysisState start(Instant at) {
        return new AnalysisState(at, 0, 0, 0, 0, AnalysisDecision.KEEP_GOING, null);
    }

    /**
     * The analysis after one more interval's verdict.
     *
     * @param score the statistical score, or null when nothing was compared
     */
    public AnalysisState next(Verdict verdict, Double score, Instant at, AnalysisPolicy policy) {
        if (decision.isFinal()) {
            return this;
        }
        boolean waiting = decision == AnalysisDecision.WAIT_FOR_HUMAN;
        int checksNow = checks + 1;
        RecordedVerdict recorded = new RecordedVerdict(at, checksNow, verdict.outcome(), verdict.reasons(), score,
                verdict.findings());
        switch (verdict.outcome()) {
            case FAIL -> {
                int failed = failedChecks + 1;
                AnalysisDecision next = failed >= policy.maxFailedChecks() ? AnalysisDecision.REJECT
                        : waiting ? AnalysisDecision.WAIT_FOR_HUMAN : AnalysisDecision.KEEP_GOING;
                return new AnalysisState(startedAt, checksNow, failed, 0, 0, next, recorded);
            }
            case PASS -> {
                int passes = consecutivePasses + 1;
                boolean longEnough = !Duration.between(startedAt, at).minus(policy.minAnalysisDuration()).isNegative();
                AnalysisDecision next = waiting ? AnalysisDecision.WAIT_FOR_HUMAN
                        : passes >= policy.passingChecksToPromote() && longEnough ? AnalysisDecision.PROMOTE
                        : AnalysisDecision.KEEP_GOING;
                return new AnalysisState(startedAt, checksNow, failedChecks, passes, 0, next, recorded);
            }
            default -> {
                int unclear = consecutiveInconclusive + 1;
                AnalysisDecision next = waiting || unclear >= policy.maxInconclusiveChecks()
                        ? AnalysisDecision.WAIT_FOR_HUMAN : AnalysisDecision.KEEP_GOING;
                return new AnalysisState(startedAt, checksNow, failedChecks, 0, unclear, next, recorded);
            }
        }
    }

    /**
     * With weighted steps the ladder, not a run of passes, decides when to promote: a promotion this analysis would
     * decide on its own becomes "keep going".
     */
    public AnalysisState promotionLeftToTheLadder() {
        return decision == AnalysisDecision.PROMOTE
                ? new AnalysisState(startedAt, checks, failedChecks, consecutivePasses, consecutiveInconclusive,
                AnalysisDecision.KEEP_GOING, latest) : this;
    }

    /** A human looked at an inconclusive analysis and let it go on; the counts of passes start again. */
    public AnalysisState resumedByHuman() {
        if (decision != AnalysisDecision.WAIT_FOR_HUMAN) {
            return this;
        }
        return new AnalysisState(startedAt, checks, failedChecks, 0, 0, AnalysisDecision.KEEP_GOING, latest);
    }

    /** One line for the status: where the analysis stands and why. */
    public String describe(AnalysisPolicy policy) {
        String counts = "check " + checks + ": " + progress(policy);
        String why = latestIfAny().map(v -> " — " + v.verdict().summary()).orElse("");
        return switch (decision) {
            case KEEP_GOING -> counts + why;
            case PROMOTE -> "promote (" + counts + ")" + why;
            case REJECT -> "reject (" + counts + ")" + why;
            case WAIT_FOR_HUMAN -> "waiting for a human to promote or reject (" + counts + ")" + why;
        };
    }

    /**
     * Where the counts stand against the limits, worded so that a passing check does not read as a failure:
     * "2 of 3 passes in a row to promote; failed checks: none (rejects at 2)".
     */
    public String progress(AnalysisPolicy policy) {
        return String.format(Locale.ROOT, "%d of %d passes in a row to promote; failed checks: %s (rejects at %d)",
                consecutivePasses, policy.passingChecksToPromote(), failedChecks == 0 ? "none" : failedChecks,
                policy.maxFailedChecks());
    }

    public Optional<RecordedVerdict> latestIfAny() {
        return Optional.ofNullable(latest);
    }

    /** When the last check ran (or the analysis started, before the first one). */
    public Instant lastCheckAt() {
        return latest == null ? startedAt : latest.at();
    }
}
