package dev.coalmine.core.release;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.judge.AnalysisProgress;
import java.time.Instant;
import java.util.Optional;

/**
 * The automatic judge's analysis of a release, stored with it so that a driver started after a kill continues the
 * count instead of starting again: the counts of {@link AnalysisProgress} (kept flat, as plain JSON) and the
 * latest verdict.
 *
 * @param latest the latest verdict, or null before the first check
 */
public record AnalysisState(Instant startedAt, int checks, int failedChecks, int consecutivePasses,
                            int consecutiveInconclusive, AnalysisDecision decision, RecordedVerdict latest) {

    public AnalysisState {
        decision = decision == null ? AnalysisDecision.KEEP_GOING : decision;
    }

    public static AnalysisState start(Instant at) {
        return of(AnalysisProgress.start(at), null);
    }

    public static AnalysisState of(AnalysisProgress progress, RecordedVerdict latest) {
        return new AnalysisState(progress.startedAt(), progress.checks(), progress.failedChecks(),
                progress.consecutivePasses(), progress.consecutiveInconclusive(), progress.decision(), latest);
    }

    /** The progress the judge package advances. */
    public AnalysisProgress progress() {
        return new AnalysisProgress(startedAt, checks, failedChecks, consecutivePasses, consecutiveInconclusive,
                latestIfAny().map(RecordedVerdict::verdict), decision);
    }

    public Optional<RecordedVerdict> latestIfAny() {
        return Optional.ofNullable(latest);
    }

    /** When the last check ran (or the analysis started, before the first one). */
    public Instant lastCheckAt() {
        return latest == null ? startedAt : latest.at();
    }
}
