package dev.coalmine.ui.flagger;

import dev.coalmine.core.engine.EngineObjectNames;
import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.flagger.CanaryPods;
import dev.coalmine.kube.flagger.CanaryWatch;
import dev.coalmine.kube.flagger.LoadTesterGate;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.engine.EngineFeeds;
import dev.coalmine.ui.engine.EngineMetrics;
import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.kube.engines.EngineEvidence;
import dev.coalmine.kube.engines.EnginePrometheus;
import dev.coalmine.metrics.EngineTargets;
import dev.coalmine.metrics.MetricSources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A Canary view's live parts: the view-model over the cached Canary and its Deployments, the gate calls, the Events
 * and the logs of both Deployments' pods.
 */
public final class OpenFlaggerCanary implements AutoCloseable {
    private final ClusterCache cache;
    private final String namespace;
    private final FlaggerCanaryViewModel model;
    private final EngineFeeds feeds;
    private final Executor background;
    private final UiThread ui;
    private final String name;
    private final EngineMetrics metrics;
    /** Set on the UI thread once the target Deployment is read. */
    private CanaryPodLabel podLabel;

    /** @param metricSources what the charts read on this cluster (the demo's metrics only on the demo) */
    public OpenFlaggerCanary(ClusterCache cache, KubernetesClient client, MetricSources metricSources, String namespace,
            String name, Executor background, UiThread ui) {
        this.cache = cache;
        this.namespace = namespace;
        this.name = name;
        this.background = background;
        this.ui = ui;
        this.feeds = new EngineFeeds(cache, client, namespace, name, ui);
        this.metrics = new EngineMetrics(() -> EngineEvidence.open(client, cache, metricSources,
                () -> EnginePrometheus.ofCanary(client, namespace, name)), background, ui);
        LoadTesterGate gate = new LoadTesterGate(client);
        this.model = new FlaggerCanaryViewModel(name, new CanaryPort() {
            @Override
            public AutoCloseable watch(Consumer<Optional<CanarySnapshot>> snapshots) {
                return CanaryWatch.open(cache, namespace, name, snapshots);
            }

            @Override
            public void call(GateAction action) {
                gate.call(action);
            }
        }, background, ui);
    }

    /**
     * Starts the watch; Events, pod logs and metrics follow once the target Deployment is known from the first
     * snapshot.
     */
    public void open() {
        model.open();
        model.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (old == null && snapshot != null) {
                String target = snapshot.canary().targetName();
                background.execute(() -> follow(target, text -> ui.execute(() -> model.showProblem(text))));
            }
            followMetrics(snapshot);
        });
    }

    /** The charts' tracks: the primary's and the canary's pods, by the label Flagger tells them apart by. */
    private void followMetrics(CanarySnapshot snapshot) {
        if (snapshot != null && podLabel != null) {
            metrics.follow(EngineTargets.ofCanary(snapshot.canary(), podLabel, EngineEvidence.INTERVAL),
                    snapshot.target().filter(d -> d.desiredReplicas() > 0).isPresent(),
                    snapshot.primary().filter(d -> d.desiredReplicas() > 0).isPresent());
        }
    }

    private void follow(String target, Consumer<String> problem) {
        CanaryPods.label(cache, namespace, target).ifPresent(label -> ui.execute(() -> {
            podLabel = label;
            followMetrics(model.snapshotProperty().get());
        }));
        feeds.followEvents(EngineObjectNames.ofCanary(name, target), problem);
        CanaryPods.of(cache, namespace, target).ifPresentOrElse(pods -> feeds.followPodLogs(pods, pod -> true, problem),
                () -> problem.accept("Pod logs are not shown: Deployment " + target
                        + " is missing or its selector has none of Flagger's labels app, name, app.kubernetes.io/name."));
    }

    public FlaggerCanaryViewModel model() {
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
