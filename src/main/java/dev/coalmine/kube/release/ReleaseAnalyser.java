package dev.coalmine.kube.release;

import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.CanaryJudge;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.StatisticalJudge;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AnalysisState;
import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.metrics.MetricSources;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The automatic judge at the cluster edge. For a release in {@code Analysing} it collects the release's evidence
 * (request metrics from the judge settings' source plus Kubernetes pod health, through the release's one
 * {@link ReleaseEvidence}, which the charts share), judges the interval's window of it canary against baseline (or
 * stable when there is none) and records the verdict with the pure {@link AutomaticJudgment}. The evidence is opened
 * while the canary deploys, so a source that samples for itself has history when analysis starts.
 */
final class ReleaseAnalyser {
    private static final int MIN_STEPS = 6;

    private final ReleaseEvidences evidences;
    private final Map<String, Analysis> open = new ConcurrentHashMap<>();

    ReleaseAnalyser(ReleaseEvidences evidences) {
        this.evidences = evidences;
    }

    /** {@code state} with the next verdict recorded when a check is due, else {@code state} itself. */
    ReleaseState analyseIfDue(ReleaseState state, Instant now) {
        String key = key(state.plan().namespace(), state.plan().deployment()) + "#" + state.number();
        if (!wanted(state)) {
            close(key);
            return state;
        }
        Analysis analysis = open.computeIfAbsent(key, k -> new Analysis(state, now));
        if (!AutomaticJudgment.due(state, analysis.evidence.interval(), now) || !analysis.warmedUp(now)) {
            return state;
        }
        CanaryJudge.Assessment assessment = analysis.assess(state, now);
        double score = assessment.score();
        return AutomaticJudgment.record(state, assessment.verdict(), Double.isNaN(score) ? null : score,
                analysis.policy, now);
    }

    /** Stops the analyses of a workload (its metric sources may sample in the background). */
    void closeWorkload(String namespace, String deployment) {
        String prefix = key(namespace, deployment) + "#";
        open.keySet().stream().filter(k -> k.startsWith(prefix)).toList().forEach(this::close);
    }

    private static boolean wanted(ReleaseState state) {
        boolean automatic = state.plan().judge().isAutomatic() && state.decision() == null;
        return automatic && (state.phase() instanceof ReleasePhase.CanaryDeploying
                || state.phase() instanceof ReleasePhase.Analysing);
    }

    private void close(String key) {
        Analysis analysis = open.remove(key);
        if (analysis != null) {
            evidences.release(analysis.release);
        }
    }

    private static String key(String namespace, String deployment) {
        return namespace + "/" + deployment;
    }

    /** One release's judge over the release's shared evidence. */
    private final class Analysis {
        final ReleaseState release;
        final ReleaseEvidence evidence;
        final AnalysisPolicy policy;
        final CanaryJudge judge;
        final Instant openedAt;
        /** How much of its own sampling a source that samples for itself needs before the first check here. */
        final Duration history;

        Analysis(ReleaseState release, Instant now) {
            this.release = release;
            this.evidence = evidences.acquire(release);
            this.policy = evidence.settings().map(JudgeSettings::analysis).orElse(AnalysisPolicy.defaults());
            this.judge = evidence.settings()
                    .map(s -> new CanaryJudge(MetricSources.thresholdsFor(s.thresholds(), evidence.source()), s.statistics()))
                    .orElseGet(CanaryJudge::withDefaults);
            this.openedAt = now;
            // Opened while the canary deploys, one interval of samples will do. An analysis taken over mid-way (after
            // a kill or a hand-over) lost the samples the other process kept: without enough for the comparison's
            // window its first checks were inconclusive, and three of them handed a healthy canary to a person.
            this.history = release.phase() instanceof ReleasePhase.Analysing
                    ? evidence.interval().plus(evidence.step().multipliedBy(MIN_STEPS)) : evidence.interval();
        }

        /** A source that samples for itself needs {@link #history} of samples first (after a restart, too). */
        boolean warmedUp(Instant now) {
            return evidence.covers(history, now) || !now.isBefore(openedAt.plus(history.multipliedBy(3)));
        }

        CanaryJudge.Assessment assess(ReleaseState state, Instant now) {
            if (evidence.problem().isPresent()) {
                return new CanaryJudge.Assessment(Verdict.error("the judge settings cannot be used: "
                        + evidence.problem().get()), Double.NaN);
            }
            Instant started = state.analysisIfAny().map(AnalysisState::startedAt).orElse(state.phaseSince());
            Instant earliest = now.minus(evidence.step().multipliedBy(MIN_STEPS));
            Instant from = started.isBefore(earliest) ? started : earliest;
            Evidence collected = evidence.collect(now);
            return judge.assess(collected.since(from), StatisticalJudge.controlFor(state.plan().baseline()));
        }
    }
}
