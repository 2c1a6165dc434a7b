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

    public OpenFlaggerCanary(ClusterCache cache, KubernetesClient client, String namespace, String name,
            Executor background, UiThread ui) {
        this.cache = cache;
        this.namespace = namespace;
        this.name = name;
        this.background = background;
        this.ui = ui;
        this.feeds = new EngineFeeds(cache, client, namespace, name, ui);
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

    /** Starts the watch; Events and pod logs follow once the target Deployment is known from the first snapshot. */
    public void open() {
        model.open();
        model.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (old == null && snapshot != null) {
                String target = snapshot.canary().targetName();
                background.execute(() -> follow(target, text -> ui.execute(() -> model.showProblem(text))));
            }
        });
    }

    private void follow(String target, Consumer<String> problem) {
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

    @Override
    public void close() {
        model.close();
        feeds.close();
    }
}
