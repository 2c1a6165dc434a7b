package dev.coalmine.core.judge;

import java.time.Duration;

/**
 * When a run of interval verdicts turns into a decision.
 *
 * @param maxFailedChecks        failed checks (not necessarily consecutive) at which the canary is rejected;
 *                               as in Flagger, reaching the limit rejects
 * @param passingChecksToPromote consecutive passing checks needed to promote
 * @param maxInconclusiveChecks  consecutive inconclusive or error checks after which a human must decide;
 *                               a fresh canary often has no data in its first interval, so one is tolerated
 * @param minAnalysisDuration    no promotion before this much time has passed since the analysis started
 */
public record AnalysisPolicy(int maxFailedChecks, int passingChecksToPromote, int maxInconclusiveChecks,
                             Duration minAnalysisDuration) {
    public AnalysisPolicy {
        requireAtLeastOne(maxFailedChecks, "failed-check limit");
        requireAtLeastOne(passingChecksToPromote, "passing checks to promote");
        requireAtLeastOne(maxInconclusiveChecks, "inconclusive-check limit");
        if (minAnalysisDuration == null || minAnalysisDuration.isNegative()) {
            throw new IllegalArgumentException("minimum analysis duration must be zero or more");
        }
    }

    /** 2 failed checks reject, 3 consecutive passes promote, 3 consecutive inconclusive checks ask a human. */
    public static AnalysisPolicy defaults() {
        return new AnalysisPolicy(2, 3, 3, Duration.ZERO);
    }

    public AnalysisPolicy withMaxFailedChecks(int value) {
        return new AnalysisPolicy(value, passingChecksToPromote, maxInconclusiveChecks, minAnalysisDuration);
    }

    public AnalysisPolicy withPassingChecksToPromote(int value) {
        return new AnalysisPolicy(maxFailedChecks, value, maxInconclusiveChecks, minAnalysisDuration);
    }

    public AnalysisPolicy withMaxInconclusiveChecks(int value) {
        return new AnalysisPolicy(maxFailedChecks, passingChecksToPromote, value, minAnalysisDuration);
    }

    public AnalysisPolicy withMinAnalysisDuration(Duration value) {
        return new AnalysisPolicy(maxFailedChecks, passingChecksToPromote, maxInconclusiveChecks, value);
    }

    private static void requireAtLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }
}
