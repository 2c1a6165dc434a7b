package dev.coalmine.ui.engine;

import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.judge.Track;
import dev.coalmine.kube.engines.EngineEvidence;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.metrics.MetricsViewModel;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Metrics tab of an Argo Rollout's or a Flagger Canary's view: a Coalmine release's tiles and charts, stable
 * against canary, fed from the engine's tracks as its latest snapshot names them. Opening the evidence and every
 * collection run on the background executor.
 */
public final class EngineMetrics implements AutoCloseable {
    private final MetricsViewModel model;
    private final Executor background;
    private volatile EngineEvidence evidence;
    private volatile MetricTarget target;
    private volatile boolean closed;

    public EngineMetrics(Supplier<EngineEvidence> opener, Executor background, UiThread ui) {
        this.background = background;
        this.model = new MetricsViewModel(this::collect, Track.STABLE, ThresholdPolicy.defaults(), background, ui);
        background.execute(() -> {
            EngineEvidence opened = opener.get();
            evidence = opened;
            if (closed) {
                opened.close();
            } else {
                refresh();
            }
        });
    }

    /** The tracks as the engine now runs them; the first ones start the charts. */
    public void follow(MetricTarget tracks, boolean canaryRunning, boolean stableRunning) {
        boolean first = target == null;
        target = tracks;
        model.tracksRunning(canaryRunning, stableRunning);
        if (first) {
            refresh();
        }
    }

    /** Collects once in the background, when the evidence is open and the tracks known. */
    public void refresh() {
        if (!closed && evidence != null && target != null) {
            model.refresh();
        }
    }

    private Evidence collect() {
        return evidence.collect(target, Instant.now());
    }

    public MetricsViewModel model() {
        return model;
    }

    @Override
    public void close() {
        closed = true;
        EngineEvidence opened = evidence;
        if (opened != null) {
            background.execute(opened::close);
        }
    }
}
