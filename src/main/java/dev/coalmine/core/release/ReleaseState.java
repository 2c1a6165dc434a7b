package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.TrafficState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One release of a workload as stored in the cluster.
 *
 * @param canaryReplicas the canary's (and baseline's) replica count, fixed when the release started
 * @param decision the recorded promote/reject, or null
 * @param finishedAt when it reached a terminal phase, or null
 * @param clusterSnapshot opaque to the engine: what the cluster edge fixed at the start (templates, config names)
 * @param analysis the automatic judge's analysis (counts and latest verdict), or null when it never analysed
 * @param trimmed where its manifest text and cluster snapshot went when the history had to shrink, or null
 *                while they are kept here
 * @param traffic where a weighted release is on its ladder, or null before its routing starts (and always with the
 *                replica ratio)
 */
public record ReleaseState(int number, ReleasePlan plan, int canaryReplicas, ReleasePhase phase, Instant phaseSince,
                           Decision decision, List<StepLogEntry> log, Instant startedAt, Instant finishedAt,
                           String clusterSnapshot, AnalysisState analysis, TrimmedBody trimmed, TrafficState traffic) {

    static final int MAX_LOG_LINES = 300;

    public ReleaseState {
        log = log == null ? List.of() : List.copyOf(log);
    }

    /** A release without a weighted-traffic ladder. */
    public ReleaseState(int number, ReleasePlan plan, int canaryReplicas, ReleasePhase phase, Instant phaseSince,
                        Decision decision, List<StepLogEntry> log, Instant startedAt, Instant finishedAt,
                        String clusterSnapshot, AnalysisState analysis, TrimmedBody trimmed) {
        this(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt, clusterSnapshot,
                analysis, trimmed, null);
    }

    /** A release whose body is kept in full. */
    public ReleaseState(int number, ReleasePlan plan, int canaryReplicas, ReleasePhase phase, Instant phaseSince,
                        Decision decision, List<StepLogEntry> log, Instant startedAt, Instant finishedAt,
                        String clusterSnapshot, AnalysisState analysis) {
        this(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt, clusterSnapshot,
                analysis, null);
    }

    /** A release the automatic judge has not analysed. */
    public ReleaseState(int number, ReleasePlan plan, int canaryReplicas, ReleasePhase phase, Instant phaseSince,
                        Decision decision, List<StepLogEntry> log, Instant startedAt, Instant finishedAt,
                        String clusterSnapshot) {
        this(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt, clusterSnapshot, null);
    }

    public Optional<AnalysisState> analysisIfAny() {
        return Optional.ofNullable(analysis);
    }

    /** The automatic judge's latest verdict, if it judged this release. */
    public Optional<RecordedVerdict> latestVerdict() {
        return analysisIfAny().flatMap(AnalysisState::latestIfAny);
    }

    public Optional<TrafficState> trafficIfAny() {
        return Optional.ofNullable(traffic);
    }

    /** The release with its ladder at {@code next}; the driver saves it before it changes the router. */
    public ReleaseState withTraffic(TrafficState next) {
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt,
                clusterSnapshot, analysis, trimmed, next);
    }

    ReleaseState withAnalysis(AnalysisState next) {
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt,
                clusterSnapshot, next, trimmed, traffic);
    }

    /** A new release in {@code CanaryDeploying}, with the Prepare lines already written. */
    public static ReleaseState start(int number, ReleasePlan plan, int canaryReplicas, String clusterSnapshot,
                                     List<String> prepareLines, Instant now) {
        List<StepLogEntry> lines = prepareLines.stream().map(l -> new StepLogEntry(now, Stage.PREPARE, l)).toList();
        return new ReleaseState(number, plan, canaryReplicas, new ReleasePhase.CanaryDeploying(), now, null,
                lines, now, null, clusterSnapshot);
    }

    public Optional<Decision> decisionIfAny() {
        return Optional.ofNullable(decision);
    }

    public boolean finished() {
        return phase.terminal();
    }

    /**
     * Records a decision. Refused when one is already recorded (whoever came first wins) or when the phase
     * no longer takes one; the messages name who decided and what to do.
     */
    public ReleaseState withDecision(Decision newDecision) {
        if (decision != null) {
            throw new CoalmineException("release " + number + " of " + plan.deployment() + " was already decided by "
                    + decision.who() + " (" + decision.verdict().word() + " at " + decision.at() + ")");
        }
        boolean rejectable = phase instanceof ReleasePhase.CanaryDeploying || phase.awaitingDecision();
        if (!phase.awaitingDecision() && !(newDecision.verdict() == DecisionVerdict.REJECT && rejectable)) {
            throw new CoalmineException("release " + number + " of " + plan.deployment() + " is in phase "
                    + phase.label() + " and cannot be " + (newDecision.verdict() == DecisionVerdict.PROMOTE
                    ? "promoted: wait until the canary is ready (AwaitingJudgment)" : "rejected any more"));
        }
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, newDecision, log, startedAt,
                finishedAt, clusterSnapshot, analysis, trimmed, traffic).withLog(newDecision.at(), Stage.WAIT_FOR_STEADY_STATE,
                newDecision.verdict().word() + " recorded by " + newDecision.who());
    }

    /** Adds lines to the Prepare section (preflight and dry-run results) before the release is saved. */
    public ReleaseState withPrepareLines(Instant now, List<String> lines) {
        ReleaseState next = this;
        for (String line : lines) {
            next = next.withLog(now, Stage.PREPARE, line);
        }
        return next;
    }

    ReleaseState transitionTo(ReleasePhase next, Instant now) {
        return new ReleaseState(number, plan, canaryReplicas, next, now, decision, log, startedAt,
                next.terminal() ? now : finishedAt, clusterSnapshot, analysis, trimmed, traffic);
    }

    public ReleaseState withLog(Instant now, Stage stage, String message) {
        return withLog(now, stage, message, false);
    }

    /** @param warning the line reports something that went wrong (see {@link StepLogEntry#warning()}) */
    public ReleaseState withLog(Instant now, Stage stage, String message, boolean warning) {
        List<StepLogEntry> lines = new ArrayList<>(log);
        lines.add(new StepLogEntry(now, stage, message, warning));
        if (lines.size() > MAX_LOG_LINES) {
            lines = lines.subList(lines.size() - MAX_LOG_LINES, lines.size());
        }
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, lines, startedAt,
                finishedAt, clusterSnapshot, analysis, trimmed, traffic);
    }

    /** A finished release with only its last step-log lines (older releases need no more). */
    public ReleaseState compacted(int keptLogLines) {
        if (!finished()) {
            return this;
        }
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, lastLog(keptLogLines),
                startedAt, finishedAt, clusterSnapshot, analysis, trimmed, traffic);
    }

    /**
     * This finished release without its manifest text and cluster snapshot, recording where they went. The
     * manifest text becomes a comment naming that place, since a manifest plan needs some text.
     */
    public ReleaseState trimmedTo(TrimmedBody where) {
        if (!finished()) {
            throw new IllegalStateException("release " + number + " is unfinished and needs its plan to resume");
        }
        ReleasePlan slim = plan.fromManifest() ? plan.withManifestYaml("# " + where.describe()) : plan;
        return new ReleaseState(number, slim, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt,
                "{}", analysis, where, traffic);
    }

    /** Where the body went: recorded, or, for a release an earlier version compacted, "not kept". */
    public Optional<TrimmedBody> trimmedIfAny() {
        if (trimmed == null && COMPACTED_MANIFEST.equals(plan.manifestYaml())) {
            return Optional.of(new TrimmedBody(null, List.of()));
        }
        return Optional.ofNullable(trimmed);
    }

    /** What earlier versions wrote in place of a compacted release's manifest; such histories are still read. */
    static final String COMPACTED_MANIFEST = "# manifest not kept in the history of finished releases";

    /** The last {@code n} step-log lines. */
    public List<StepLogEntry> lastLog(int n) {
        return log.subList(Math.max(0, log.size() - n), log.size());
    }
}
