package dev.coalmine.ui.flagger;

import dev.coalmine.core.engine.EngineObjectNames;
import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.flagger.CanaryWatch;
import dev.coalmine.kube.flagger.LoadTesterGate;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.engine.EngineFeeds;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** A Canary view's live parts: the view-model over the cached Canary and its Deployments, the gate calls, Events. */
public final class OpenFlaggerCanary implements AutoCloseable {
    private final FlaggerCanaryViewModel model;
    private final EngineFeeds feeds;
    private final Executor background;
    private final UiThread ui;
    private final String name;

    public OpenFlaggerCanary(ClusterCache cache, KubernetesClient client, String namespace, String name,
            Executor background, UiThread ui) {
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

    /** Starts the watch; the Events follow once the target Deployment is known from the first snapshot. */
    public void open() {
        model.open();
        model.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (old == null && snapshot != null) {
                String target = snapshot.canary().targetName();
                background.execute(() -> feeds.followEvents(EngineObjectNames.ofCanary(name, target),
                        text -> ui.execute(() -> model.showProblem(text))));
            }
        });
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
