package dev.coalmine.core.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The analysis so far, as a value: the engine stores it with the release and feeds it one verdict per interval.
 * Fails count toward the limit for the whole analysis; passes and inconclusive checks count consecutively.
 * While waiting for a human, passes do not promote but fails still reject: safety does not wait.
 */
public record AnalysisProgress(Instant startedAt, int checks, int failedChecks, int consecutivePasses,
                               int consecutiveInconclusive, Optional<Verdict> lastVerdict, AnalysisDecision decision) {

    public static AnalysisProgress start(Instant at) {
        return new AnalysisProgress(at, 0, 0, 0, 0, Optional.empty(), AnalysisDecision.KEEP_GOING);
    }

    /** The progress after one more interval's verdict. */
    public AnalysisProgress next(Verdict verdict, Instant at, AnalysisPolicy policy) {
        if (decision.isFinal()) {
            return this;
        }
        boolean waiting = decision == AnalysisDecision.WAIT_FOR_HUMAN;
        int checksNow = checks + 1;
        Optional<Verdict> last = Optional.of(verdict);
        switch (verdict.outcome()) {
            case FAIL -> {
                int failed = failedChecks + 1;
                AnalysisDecision next = failed >= policy.maxFailedChecks() ? AnalysisDecision.REJECT
                        : waiting ? AnalysisDecision.WAIT_FOR_HUMAN : AnalysisDecision.KEEP_GOING;
                return new AnalysisProgress(startedAt, checksNow, failed, 0, 0, last, next);
            }
            case PASS -> {
                int passes = consecutivePasses + 1;
                boolean longEnough = !Duration.between(startedAt, at).minus(policy.minAnalysisDuration()).isNegative();
                AnalysisDecision next = waiting ? AnalysisDecision.WAIT_FOR_HUMAN
                        : passes >= policy.passingChecksToPromote() && longEnough ? AnalysisDecision.PROMOTE
                        : AnalysisDecision.KEEP_GOING;
                return new AnalysisProgress(startedAt, checksNow, failedChecks, passes, 0, last, next);
            }
            default -> {
                int unclear = consecutiveInconclusive + 1;
                AnalysisDecision next = waiting || unclear >= policy.maxInconclusiveChecks()
                        ? AnalysisDecision.WAIT_FOR_HUMAN : AnalysisDecision.KEEP_GOING;
                return new AnalysisProgress(startedAt, checksNow, failedChecks, 0, unclear, last, next);
            }
        }
    }

    /** A human looked at an inconclusive analysis and let it go on; the counts of passes start again. */
    public AnalysisProgress resumedByHuman() {
        if (decision != AnalysisDecision.WAIT_FOR_HUMAN) {
            return this;
        }
        return new AnalysisProgress(startedAt, checks, failedChecks, 0, 0, lastVerdict, AnalysisDecision.KEEP_GOING);
    }

    /** One line for the status: where the analysis stands and why. */
    public String describe(AnalysisPolicy policy) {
        String counts = String.format(java.util.Locale.ROOT, "check %d: %d of %d failed checks, %d of %d passing in a row",
                checks, failedChecks, policy.maxFailedChecks(), consecutivePasses, policy.passingChecksToPromote());
        String why = lastVerdict.map(v -> " — " + v.summary()).orElse("");
        return switch (decision) {
            case KEEP_GOING -> counts + why;
            case PROMOTE -> "promote (" + counts + ")" + why;
            case REJECT -> "reject (" + counts + ")" + why;
            case WAIT_FOR_HUMAN -> "waiting for a human to promote or reject (" + counts + ")" + why;
        };
    }
}
