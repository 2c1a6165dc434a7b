package dev.coalmine.ui.rollout;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.RolloutLine;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.feed.LiveList;
import dev.coalmine.ui.metrics.MetricsViewModel;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The rollout view's side of one open release: the view-model, and capped live lists that the release session's
 * Events, rollout lines and pod logs stream into. The session does the work (watching, driving, evidence); this
 * only connects it to what the view shows. Closing it closes the session.
 */
public final class OpenRollout implements AutoCloseable {
    private final ReleaseSession session;
    private final RolloutViewModel model;
    private final Executor background;
    private final UiThread ui;
    private final LiveList<EventRecord> events;
    private final LiveList<RolloutLine> rolloutLines;
    private final LiveList<LogLine> podLogs;
    private volatile boolean metricsStarted;

    public OpenRollout(ReleaseSession session, Executor background, UiThread ui) {
        this.session = session;
        this.background = background;
        this.ui = ui;
        this.model = new RolloutViewModel(session.namespace(), session.deployment(), new SessionFollower(session),
                background, ui);
        String name = session.deployment();
        events = LiveList.events("events-" + name, 50_000, ui);
        rolloutLines = LiveList.appending("rollout-" + name, 10_000, ui);
        podLogs = LiveList.appending("logs-" + name, 20_000, ui);
    }

    /** Starts following; the blocking parts run on {@code background}. */
    public void open() {
        model.open();
        model.statusProperty().addListener((obs, old, status) -> startMetricsOnce(status));
        background.execute(() -> {
            follow(() -> session.followEvents(events.sink()));
            follow(() -> session.followRollout(rolloutLines.sink()));
            follow(() -> session.followPodLogs(podLogs.sink()));
        });
    }

    private void follow(Runnable opener) {
        try {
            opener.run();
        } catch (RuntimeException e) {
            ui.execute(() -> model.showProblem("A live feed could not start: " + e.getMessage()));
        }
    }

    private void startMetricsOnce(ReleaseStatus status) {
        Optional<ReleaseState> release = status == null ? Optional.empty() : status.current();
        if (metricsStarted || release.isEmpty()) {
            return;
        }
        metricsStarted = true;
        Track control = release.get().plan().baseline() ? Track.BASELINE : Track.STABLE;
        background.execute(() -> follow(() -> session.openEvidence().ifPresent(evidence -> {
            ThresholdPolicy limits = evidence.settings().map(JudgeSettings::thresholds).orElse(ThresholdPolicy.defaults());
            MetricsViewModel metrics = new MetricsViewModel(() -> evidence.collect(session.now()), control, limits,
                    background, ui);
            evidence.latest().ifPresent(metrics::accept);
            session.keep(evidence.subscribe(metrics::accept));
            model.metricsReady(metrics);
            ui.execute(() -> {
                showTracksRunning(metrics, control, model.statusProperty().get());
                model.statusProperty().addListener((obs, old, now) -> showTracksRunning(metrics, control, now));
            });
        })));
    }

    private static void showTracksRunning(MetricsViewModel metrics, Track control, ReleaseStatus status) {
        if (status != null) {
            metrics.tracksRunning(status.canary().exists(),
                    (control == Track.BASELINE ? status.baseline() : status.stable()).exists());
        }
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
        session.close();
        events.close();
        rolloutLines.close();
        podLogs.close();
    }

    /** The session as the view-model follows it, deciding as this console. */
    private record SessionFollower(ReleaseSession session) implements ReleaseFollower {
        @Override
        public AutoCloseable watch(Consumer<ReleaseStatus> changed) {
            return session.watch(changed);
        }

        @Override
        public void driveInBackground(Consumer<Optional<String>> problems) {
            session.driveInBackground(problems);
        }

        @Override
        public ReleaseState promote() {
            return session.promote(session.identity());
        }

        @Override
        public ReleaseState reject() {
            return session.reject(session.identity());
        }

        @Override
        public ReleaseState resume() {
            return session.resumePause(session.identity());
        }
    }
}
