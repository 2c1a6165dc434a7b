package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;
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
 */
public record ReleaseState(int number, ReleasePlan plan, int canaryReplicas, ReleasePhase phase, Instant phaseSince,
                           Decision decision, List<StepLogEntry> log, Instant startedAt, Instant finishedAt,
                           String clusterSnapshot, AnalysisState analysis) {

    static final int MAX_LOG_LINES = 300;

    public ReleaseState {
        log = log == null ? List.of() : List.copyOf(log);
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

    ReleaseState withAnalysis(AnalysisState next) {
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, log, startedAt, finishedAt,
                clusterSnapshot, next);
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
                finishedAt, clusterSnapshot, analysis).withLog(newDecision.at(), Stage.WAIT_FOR_STEADY_STATE,
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
                next.terminal() ? now : finishedAt, clusterSnapshot, analysis);
    }

    public ReleaseState withLog(Instant now, Stage stage, String message) {
        List<StepLogEntry> lines = new ArrayList<>(log);
        lines.add(new StepLogEntry(now, stage, message));
        if (lines.size() > MAX_LOG_LINES) {
            lines = lines.subList(lines.size() - MAX_LOG_LINES, lines.size());
        }
        return new ReleaseState(number, plan, canaryReplicas, phase, phaseSince, decision, lines, startedAt,
                finishedAt, clusterSnapshot, analysis);
    }

    /**
     * A finished release reduced to what history needs: the last step-log lines, no cluster snapshot and no
     * manifest text, so dozens of releases fit in one ConfigMap.
     */
    public ReleaseState compacted(int keptLogLines) {
        if (!finished()) {
            return this;
        }
        ReleasePlan slim = plan.fromManifest() ? new ReleasePlan(plan.namespace(), plan.deployment(), plan.images(),
                COMPACTED_MANIFEST, plan.size(), plan.baseline(), plan.judge(), plan.steadyStateTimeout()) : plan;
        return new ReleaseState(number, slim, canaryReplicas, phase, phaseSince, decision, lastLog(keptLogLines),
                startedAt, finishedAt, "{}", analysis);
    }

    static final String COMPACTED_MANIFEST = "# manifest not kept in the history of finished releases";

    /** The last {@code n} step-log lines. */
    public List<StepLogEntry> lastLog(int n) {
        return log.subList(Math.max(0, log.size() - n), log.size());
    }
}
