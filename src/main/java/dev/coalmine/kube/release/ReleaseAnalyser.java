package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.CanaryJudge;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.StatisticalJudge;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.AnalysisState;
import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.JudgeMode;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.metrics.EvidenceCollector;
import dev.coalmine.metrics.KubernetesHealthSource;
import dev.coalmine.metrics.MetricSource;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.PrometheusAuth;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The automatic judge at the cluster edge. For a release in {@code Analysing} it gathers the interval's evidence
 * (request metrics from the judge settings' source plus Kubernetes pod health), judges it canary against baseline
 * (or stable when there is none) and records the verdict with the pure {@link AutomaticJudgment}. The metric
 * source is opened while the canary deploys, so a source that samples for itself has history when analysis starts.
 */
public final class ReleaseAnalyser {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    private static final int MIN_STEPS = 6;

    private final KubernetesClient client;
    private final PrometheusAuth auth;
    private final MetricSources metricSources;
    private final Map<String, Analysis> open = new ConcurrentHashMap<>();

    public ReleaseAnalyser(KubernetesClient client, PrometheusAuth auth, MetricSources metricSources) {
        this.client = client;
        this.auth = auth;
        this.metricSources = metricSources;
    }

    /** {@code state} with the next verdict recorded when a check is due, else {@code state} itself. */
    public ReleaseState analyseIfDue(ReleaseState state, Instant now) {
        String key = key(state.plan().namespace(), state.plan().deployment()) + "#" + state.number();
        if (!wanted(state)) {
            close(key);
            return state;
        }
        Analysis analysis = open.computeIfAbsent(key, k -> new Analysis(state, now));
        if (!AutomaticJudgment.due(state, analysis.interval, now) || !analysis.warmedUp(now)) {
            return state;
        }
        CanaryJudge.Assessment assessment = analysis.assess(state, now);
        double score = assessment.score();
        return AutomaticJudgment.record(state, assessment.verdict(), Double.isNaN(score) ? null : score,
                analysis.policy, now);
    }

    /** Stops the analyses of a workload (its metric sources may sample in the background). */
    public void closeWorkload(String namespace, String deployment) {
        String prefix = key(namespace, deployment) + "#";
        open.keySet().stream().filter(k -> k.startsWith(prefix)).toList().forEach(this::close);
    }

    private static boolean wanted(ReleaseState state) {
        boolean automatic = state.plan().judge().mode() == JudgeMode.AUTOMATIC && state.decision() == null;
        return automatic && (state.phase() instanceof ReleasePhase.CanaryDeploying
                || state.phase() instanceof ReleasePhase.Analysing);
    }

    private void close(String key) {
        Analysis analysis = open.remove(key);
        if (analysis != null) {
            analysis.source.ifPresent(MetricSource::close);
        }
    }

    private static String key(String namespace, String deployment) {
        return namespace + "/" + deployment;
    }

    /** One release's judge: its settings, metric source and judge, or why they could not be built. */
    private final class Analysis {
        final Duration interval;
        final AnalysisPolicy policy;
        final Optional<MetricSource> source;
        final EvidenceCollector collector;
        final CanaryJudge judge;
        final String problem;
        final Instant openedAt;

        Analysis(ReleaseState state, Instant now) {
            JudgeSettings settings = null;
            Optional<MetricSource> metrics = Optional.empty();
            String trouble = null;
            try {
                settings = JudgeSettings.fromConfig(state.plan().judge().config());
                metrics = metricSources.forSettings(settings, client, auth, QUERY_TIMEOUT);
            } catch (CoalmineException | IllegalArgumentException e) {
                trouble = e.getMessage();
            }
            this.interval = settings == null ? Duration.ofSeconds(30) : settings.interval();
            this.policy = settings == null ? AnalysisPolicy.defaults() : settings.analysis();
            this.source = metrics;
            this.problem = trouble;
            this.openedAt = now;
            this.collector = new EvidenceCollector(metrics, Optional.of(new KubernetesHealthSource(client)));
            this.judge = settings == null ? CanaryJudge.withDefaults()
                    : new CanaryJudge(MetricSources.thresholdsFor(settings.thresholds(), metrics), settings.statistics());
        }

        /** A source that samples for itself needs one interval of history (after a restart, too). */
        boolean warmedUp(Instant now) {
            return source.map(s -> s.covers(interval, now)).orElse(true)
                    || !now.isBefore(openedAt.plus(interval.multipliedBy(3)));
        }

        CanaryJudge.Assessment assess(ReleaseState state, Instant now) {
            if (problem != null) {
                return new CanaryJudge.Assessment(Verdict.error("the judge settings cannot be used: " + problem),
                        Double.NaN);
            }
            Duration step = interval.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : interval.dividedBy(5);
            Instant started = state.analysisIfAny().map(AnalysisState::startedAt).orElse(state.phaseSince());
            Instant earliest = now.minus(step.multipliedBy(MIN_STEPS));
            Instant from = started.isBefore(earliest) ? started : earliest;
            MetricTarget target = new MetricTarget(state.plan().namespace(), state.plan().deployment(), interval);
            return judge.assess(collector.collect(target, from, now, step),
                    StatisticalJudge.controlFor(state.plan().baseline()));
        }
    }
}
