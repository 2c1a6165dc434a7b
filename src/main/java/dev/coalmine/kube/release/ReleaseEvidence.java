package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.cache.CachedWorkloadReads;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.metrics.EvidenceCollector;
import dev.coalmine.metrics.KubernetesHealthSource;
import dev.coalmine.metrics.MetricSource;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.PrometheusAuth;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The evidence of one release in this process: its metric source and pod health, read over the release's whole
 * life. The automatic judge and the charts both collect through it and both receive every collection, so the
 * charts show exactly the samples the judge judged (the judge reads its window of them).
 */
public final class ReleaseEvidence {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final Optional<JudgeSettings> settings;
    private final Optional<MetricSource> source;
    private final CachedWorkloadReads reads;
    private final EvidenceCollector collector;
    private final MetricTarget target;
    private final Instant since;
    private final String problem;
    private final List<Consumer<Evidence>> listeners = new CopyOnWriteArrayList<>();
    private volatile Evidence latest;

    ReleaseEvidence(KubernetesClient client, ClusterCache cache, PrometheusAuth auth, MetricSources metricSources,
                    ReleaseState release) {
        JudgeSettings read = null;
        Optional<MetricSource> metrics = Optional.empty();
        String trouble = null;
        try {
            read = release.plan().judge().settings();
            metrics = metricSources.forSettings(read, client, auth, QUERY_TIMEOUT);
        } catch (CoalmineException | IllegalArgumentException e) {
            trouble = e.getMessage();
        }
        this.settings = Optional.ofNullable(read);
        this.source = metrics;
        this.problem = trouble;
        this.since = release.startedAt();
        this.reads = new CachedWorkloadReads(cache);
        this.collector = new EvidenceCollector(metrics, Optional.of(new KubernetesHealthSource(client, reads)));
        this.target = new MetricTarget(release.plan().namespace(), release.plan().deployment(), interval());
    }

    /** The judge settings, when they could be read; see {@link #problem()}. */
    public Optional<JudgeSettings> settings() {
        return settings;
    }

    /** Why the judge settings or their metric source cannot be used, if so. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public Duration interval() {
        return settings.map(JudgeSettings::interval).orElse(DEFAULT_INTERVAL);
    }

    /** The spacing of the collected series: a fifth of the interval, at least a second. */
    public Duration step() {
        Duration fifth = interval().dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : fifth;
    }

    public Optional<MetricSource> source() {
        return source;
    }

    /** Whether the source holds the last {@code window} before {@code now} (a self-sampling source starts empty). */
    public boolean covers(Duration window, Instant now) {
        return source.map(s -> s.covers(window, now)).orElse(true);
    }

    /** Reads the release's evidence from its start until {@code now} and hands it to every listener. */
    public Evidence collect(Instant now) {
        Evidence collected = collector.collect(target, since, now, step());
        latest = collected;
        listeners.forEach(listener -> listener.accept(collected));
        return collected;
    }

    /** The newest collection, if any. */
    public Optional<Evidence> latest() {
        return Optional.ofNullable(latest);
    }

    /** {@code listener} receives every collection (on the collecting thread); close the result to stop. */
    public AutoCloseable subscribe(Consumer<Evidence> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void close() {
        source.ifPresent(MetricSource::close);
        reads.close();
    }
}
