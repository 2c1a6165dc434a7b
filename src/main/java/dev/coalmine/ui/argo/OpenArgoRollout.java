package dev.coalmine.ui.argo;

import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutPatches;
import dev.coalmine.core.argo.RolloutSnapshot;
import dev.coalmine.core.engine.EngineObjectNames;
import dev.coalmine.kube.argo.RolloutActions;
import dev.coalmine.kube.argo.RolloutWatch;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.engine.EngineFeeds;
import dev.coalmine.ui.engine.EngineMetrics;
import dev.coalmine.core.judge.Track;
import dev.coalmine.kube.engines.EngineEvidence;
import dev.coalmine.kube.engines.EnginePrometheus;
import dev.coalmine.metrics.EngineTargets;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** A Rollout view's live parts: the view-model over the cached Rollout, the plugin's commands, Events and pod logs. */
public final class OpenArgoRollout implements AutoCloseable {
    private final ArgoRolloutViewModel model;
    private final EngineFeeds feeds;
    private final EngineMetrics metrics;
    private final Executor background;
    private final String name;
    private final UiThread ui;

    /** @param metricSources what the charts read on this cluster (the demo's metrics only on the demo) */
    public OpenArgoRollout(ClusterCache cache, KubernetesClient client, MetricSources metricSources, String namespace,
            String name, Executor background, UiThread ui) {
        this.name = name;
        this.background = background;
        this.ui = ui;
        this.feeds = new EngineFeeds(cache, client, namespace, name, ui);
        this.metrics = new EngineMetrics(() -> EngineEvidence.open(client, cache, metricSources,
                () -> EnginePrometheus.ofRollout(client, namespace, name)), background, ui);
        RolloutActions actions = new RolloutActions(client, Clock.systemUTC());
        this.model = new ArgoRolloutViewModel(namespace, name, new RolloutPort() {
            @Override
            public AutoCloseable watch(Consumer<Optional<RolloutSnapshot>> snapshots) {
                return RolloutWatch.open(cache, namespace, name, snapshots);
            }

            @Override
            public RolloutPatches plan(RolloutCommand command) {
                return actions.plan(namespace, name, command);
            }

            @Override
            public void apply(RolloutPatches patches) {
                actions.apply(namespace, name, patches);
            }
        }, background, ui);
    }

    public void open() {
        model.open();
        model.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot != null) {
                MetricTarget tracks = EngineTargets.ofRollout(snapshot.rollout(), EngineEvidence.INTERVAL);
                metrics.follow(tracks, tracks.selection(Track.CANARY).isPresent(),
                        tracks.selection(Track.STABLE).isPresent());
            }
        });
        background.execute(() -> {
            Consumer<String> problem = text -> ui.execute(() -> model.showProblem(text));
            feeds.followEvents(EngineObjectNames.ofRollout(name), problem);
            feeds.followPodLogs(CachedKind.ROLLOUT_PODS, pod -> pod.getMetadata().getName().startsWith(name + "-"),
                    problem);
        });
    }

    public ArgoRolloutViewModel model() {
        return model;
    }

    public EngineFeeds feeds() {
        return feeds;
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        model.close();
        feeds.close();
        metrics.close();
    }
}
