package dev.coalmine.kube.engines;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.kube.cache.CachedWorkloadReads;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.EvidenceCollector;
import dev.coalmine.metrics.KubernetesHealthSource;
import dev.coalmine.metrics.MetricSource;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.core.judge.MetricsLocation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The evidence an Argo Rollout's or a Flagger Canary's view charts: the same metric source, pod health and usage
 * as a Coalmine release's, read for the engine's stable and canary tracks (see {@code EngineTargets}) over the last
 * {@link #HISTORY}. Close it with the view: the source may sample in the background.
 */
public final class EngineEvidence implements AutoCloseable {
    public static final Duration INTERVAL = JudgeSettings.DEFAULT_INTERVAL;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String NO_SOURCE = "No request metrics: no AnalysisTemplate or MetricTemplate in this "
            + "namespace names a Prometheus, so only the pods' restarts, CPU and memory are shown.";
    static final Duration HISTORY = Duration.ofMinutes(15);
    /** A fifth of the interval, as a Coalmine release's series are spaced. */
    static final Duration STEP = INTERVAL.dividedBy(5);

    private final Optional<MetricSource> source;
    private final Optional<String> noSource;
    private final CachedWorkloadReads reads;
    private final EvidenceCollector collector;

    /**
     * The evidence on this cluster: the demo's own metrics where the composition root registered them, otherwise the
     * Prometheus the engine's own analysis reads ({@link EnginePrometheus}), otherwise only pod health (restarts, CPU
     * and memory), said so in the evidence. Blocks on reads: call it off the UI thread.
     *
     * @param engineAnalysis the engine's Prometheus and preset, asked only on a cluster that is not the demo
     */
    public static EngineEvidence open(KubernetesClient client, ClusterCache cache, MetricSources sources,
                                      Supplier<Optional<JudgeSettings>> engineAnalysis) {
        if (sources.simulated()) {
            return new EngineEvidence(client, cache, sources.forPodLabels(
                    JudgeSettings.defaults(new MetricsLocation.DemoCluster()), client, PrometheusAuth.none(), TIMEOUT),
                    Optional.empty());
        }
        try {
            Optional<JudgeSettings> prometheus = engineAnalysis.get();
            return prometheus.isEmpty() ? new EngineEvidence(client, cache, Optional.empty(), Optional.of(NO_SOURCE))
                    : new EngineEvidence(client, cache, sources.forPodLabels(prometheus.get(), client,
                    PrometheusAuth.fromEnvironment(System.getenv()), TIMEOUT), Optional.empty());
        } catch (CoalmineException | IllegalArgumentException e) {
            return new EngineEvidence(client, cache, Optional.empty(), Optional.of("No request metrics: "
                    + e.getMessage()));
        }
    }

    /** @param noSource why there are no request metrics, when {@code source} is empty */
    EngineEvidence(KubernetesClient client, ClusterCache cache, Optional<MetricSource> source, Optional<String> noSource) {
        this.source = source;
        this.noSource = noSource;
        this.reads = new CachedWorkloadReads(cache);
        this.collector = new EvidenceCollector(source, Optional.of(new KubernetesHealthSource(client, reads)));
    }

    /** Reads the tracks of {@code target} until {@code now}; blocks (call it off the UI thread). */
    public Evidence collect(MetricTarget target, Instant now) {
        Evidence evidence = collector.collect(target, now.minus(HISTORY), now, STEP);
        if (noSource.isEmpty()) {
            return evidence;
        }
        List<String> notes = new ArrayList<>(evidence.sourceErrors());
        notes.add(0, noSource.get());
        return new Evidence(evidence.reading(), evidence.samples(), notes, evidence.usage());
    }

    /** Where the request metrics come from, safe to show; empty without a source. */
    public Optional<String> describe() {
        return source.map(MetricSource::describe);
    }

    @Override
    public void close() {
        source.ifPresent(MetricSource::close);
        reads.close();
    }
}
