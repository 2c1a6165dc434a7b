package dev.coalmine.kube.release;

import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.RecordedVerdict;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.RequestShare;
import java.util.Optional;

/**
 * A workload's release as seen now: the stored state (null when it never had a release), the three tracks,
 * and who drives it (the Lease holder, null when nobody does).
 */
public record ReleaseStatus(String namespace, String deployment, ReleaseState release, TrackStatus stable,
                            TrackStatus canary, TrackStatus baseline, String driver) {

    public Optional<ReleaseState> current() {
        return Optional.ofNullable(release);
    }

    /** The phase label, or "None" when the workload never had a release. */
    public String phaseLabel() {
        return release == null ? "None" : release.phase().label();
    }

    public Optional<Decision> decision() {
        return current().flatMap(ReleaseState::decisionIfAny);
    }

    /** The automatic judge's latest verdict (outcome, reasons, score, time), if it judged this release. */
    public Optional<RecordedVerdict> verdict() {
        return current().flatMap(ReleaseState::latestVerdict);
    }

    /**
     * The share of requests the canary gets now (canary pods of all stable, baseline and canary pods), while an
     * unfinished release has a canary.
     */
    public Optional<RequestShare> requestShare() {
        if (release == null || release.finished() || !canary.exists()) {
            return Optional.empty();
        }
        return Optional.of(new RequestShare(stable.replicas(), baseline.exists() ? baseline.replicas() : 0,
                canary.replicas(), release.plan().size()));
    }

    /** Why it failed, or null. */
    public String reason() {
        if (release == null) {
            return null;
        }
        if (release.phase() instanceof ReleasePhase.Failed f) {
            return f.reason();
        }
        return release.phase() instanceof ReleasePhase.Failing f ? f.reason() : null;
    }
}
