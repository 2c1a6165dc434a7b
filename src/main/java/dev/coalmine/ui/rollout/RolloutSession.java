package dev.coalmine.ui.rollout;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.PodSelection;
import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.feed.EventFeed;
import dev.coalmine.kube.feed.PodLogFeed;
import dev.coalmine.kube.feed.RolloutFeed;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.metrics.EvidenceCollector;
import dev.coalmine.metrics.KubernetesHealthSource;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.feed.LiveList;
import dev.coalmine.ui.metrics.MetricsViewModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;

/**
 * Everything the rollout view of one release keeps open: the release itself, its Events, the rollout and
 * step-log lines, the canary and baseline pods' logs, and the metrics. Closing it closes them all.
 */
public final class RolloutSession implements AutoCloseable {
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);

    private final KubernetesClient client;
    private final MetricSources metricSources;
    private final RolloutViewModel model;
    private final Executor background;
    private final UiThread ui;
    private final ScheduledExecutorService ticker;
    private final LiveList<EventRecord> events;
    private final LiveList<RolloutLine> rolloutLines;
    private final LiveList<LogLine> podLogs;
    private final List<AutoCloseable> feeds = new ArrayList<>();
    private volatile RolloutFeed rolloutFeed;
    private volatile MetricsViewModel metrics;
    private int stepLinesSent;

    public RolloutSession(KubernetesClient client, MetricSources metricSources, RolloutViewModel model,
            Executor background, UiThread ui, ScheduledExecutorService ticker) {
        this.client = client;
        this.metricSources = metricSources;
        this.model = model;
        this.background = background;
        this.ui = ui;
        this.ticker = ticker;
        String name = model.deployment();
        events = LiveList.events("events-" + name, 50_000, ui);
        rolloutLines = LiveList.appending("rollout-" + name, 10_000, ui);
        podLogs = LiveList.appending("logs-" + name, 20_000, ui);
    }

    public void open() {
        model.open();
        model.stepLog().addListener((ListChangeListener<String>) c -> sendNewSteps());
        String ns = model.namespace();
        String name = model.deployment();
        background.execute(() -> {
            keep(() -> EventFeed.open(client, ns, name, events.sink(), OPEN_TIMEOUT));
            keep(() -> {
                rolloutFeed = RolloutFeed.open(client, ns, Set.of(name, name + "-canary", name + "-baseline"),
                        rolloutLines.sink(), OPEN_TIMEOUT);
                ui.execute(this::sendNewSteps);
                return rolloutFeed;
            });
            for (Track track : List.of(Track.CANARY, Track.BASELINE)) {
                keep(() -> PodLogFeed.open(client, ns, new PodSelection.TrackPods(name, track), podLogs.sink(),
                        PodLogFeed.Options.defaults(), OPEN_TIMEOUT));
            }
        });
        model.statusProperty().addListener((obs, old, status) -> startMetricsOnce(status));
    }

    private interface Opener {
        AutoCloseable open() throws Exception;
    }

    private void keep(Opener opener) {
        try {
            AutoCloseable feed = opener.open();
            synchronized (feeds) {
                feeds.add(feed);
            }
        } catch (Exception e) {
            ui.execute(() -> model.showProblem("A live feed could not start: " + e.getMessage()));
        }
    }

    /** The engine's step-log lines join the kubectl-style rollout lines, each once. */
    private void sendNewSteps() {
        RolloutFeed feed = rolloutFeed;
        if (feed == null) {
            return;
        }
        List<String> lines = model.stepLog();
        if (lines.size() < stepLinesSent) {
            stepLinesSent = 0;
        }
        for (int i = stepLinesSent; i < lines.size(); i++) {
            feed.addStep("coalmine", lines.get(i));
        }
        stepLinesSent = lines.size();
    }

    private void startMetricsOnce(ReleaseStatus status) {
        if (metrics != null || status == null || status.current().isEmpty()) {
            return;
        }
        ReleaseState release = status.current().get();
        JudgeSettings settings = JudgeSettings.fromConfig(release.plan().judge().config());
        java.util.Optional<dev.coalmine.metrics.MetricSource> source =
                metricSources.forSettings(settings, client, PrometheusAuth.fromEnvironment(System.getenv()), Duration.ofSeconds(10));
        synchronized (feeds) {
            source.ifPresent(feeds::add); // the demo's source scrapes in the background until closed
        }
        EvidenceCollector collector = new EvidenceCollector(source, java.util.Optional.of(new KubernetesHealthSource(client)));
        MetricTarget target = new MetricTarget(model.namespace(), model.deployment(), settings.interval());
        Instant from = release.startedAt();
        Duration step = Duration.ofSeconds(Math.max(1, settings.interval().toSeconds() / 5));
        metrics = new MetricsViewModel(() -> collector.collect(target, from, Instant.now(), step),
                release.plan().baseline() ? Track.BASELINE : Track.STABLE, background, ui);
        ticker.scheduleWithFixedDelay(metrics::refresh, 0, METRICS_REFRESH.toSeconds(), TimeUnit.SECONDS);
        model.metricsReady(metrics);
    }

    public RolloutViewModel model() {
        return model;
    }

    public LiveList<EventRecord> events() {
        return events;
    }

    public LiveList<RolloutLine> rolloutLines() {
        return rolloutLines;
    }

    public LiveList<LogLine> podLogs() {
        return podLogs;
    }

    @Override
    public void close() {
        model.close();
        ticker.shutdownNow();
        synchronized (feeds) {
            for (AutoCloseable feed : feeds) {
                try {
                    feed.close();
                } catch (Exception ignored) {
                    // closing a feed whose connection already dropped has nothing to undo
                }
            }
            feeds.clear();
        }
        events.close();
        rolloutLines.close();
        podLogs.close();
    }
}
