package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseHistory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The release history of a workload, in the ConfigMap {@code coalmine-release-<deployment>}. Every write is
 * based on the resourceVersion it read; on a conflict it reads again and re-applies the change. Every write is
 * fitted within the ConfigMap's limit first ({@link HistoryFitter}).
 */
public final class ReleaseStore {
    static final String KEY = "releases.json";
    private static final int MAX_ATTEMPTS = 20;
    /** A ConfigMap holds at most 1 MiB; leave room for metadata. */
    static final int MAX_JSON_BYTES = 900_000;

    private final KubernetesClient client;
    private final ReleaseStateCodec codec;
    private final PlanBodyStore bodies;
    private final HistoryFitter fitter;

    public ReleaseStore(KubernetesClient client, ReleaseStateCodec codec) {
        this(client, codec, MAX_JSON_BYTES);
    }

    /** With another limit, so tests can reach it without megabytes of data. */
    ReleaseStore(KubernetesClient client, ReleaseStateCodec codec, int maxJsonBytes) {
        this.client = client;
        this.codec = codec;
        this.bodies = new PlanBodyStore(client);
        this.fitter = new HistoryFitter(codec, bodies, maxJsonBytes);
    }

    /** Where the plan bodies of finished releases went. */
    PlanBodyStore bodies() {
        return bodies;
    }

    public ReleaseHistory load(String namespace, String deployment) {
        return decode(namespace, deployment, get(namespace, deployment));
    }

    /**
     * Applies {@code change} to the stored history and writes it, retrying on conflicts. A
     * {@link CoalmineException} from {@code change} (e.g. "already decided by …") ends the attempt unchanged.
     */
    public ReleaseHistory update(String namespace, String deployment, UnaryOperator<ReleaseHistory> change) {
        return updateFrom(namespace, deployment, get(namespace, deployment), change).history();
    }

    /** The stored history and the ConfigMap it was read from or written to (null while none exists). */
    record Saved(ConfigMap map, ReleaseHistory history) {
    }

    /**
     * Like {@link #update}, but the first attempt starts from {@code basis}, the ConfigMap as last seen (null =
     * none yet), instead of reading it again; only a conflict costs a fresh read.
     */
    Saved updateFrom(String namespace, String deployment, ConfigMap basis, UnaryOperator<ReleaseHistory> change) {
        ConfigMap current = basis;
        for (int attempt = 1; ; attempt++) {
            ReleaseHistory before = decode(namespace, deployment, current);
            ReleaseHistory after = change.apply(before);
            if (after.equals(before)) {
                return new Saved(current, before);
            }
            try {
                ReleaseHistory fitted = fitter.fit(current, after);
                Saved saved = new Saved(write(namespace, deployment, current, fitted), fitted);
                bodies.forgetDropped(namespace, deployment, before, fitted);
                return saved;
            } catch (KubernetesClientException e) {
                boolean lostRace = e.getCode() == HttpURLConnection.HTTP_CONFLICT;
                if (!lostRace || attempt >= MAX_ATTEMPTS) {
                    throw new CoalmineException("cannot save the release state of " + deployment + " in " + namespace
                            + ": " + e.getMessage(), e);
                }
            }
            current = get(namespace, deployment);
        }
    }

    /** The history of a workload, read and parsed (or empty when none exists). */
    Saved read(String namespace, String deployment) {
        ConfigMap map = get(namespace, deployment);
        return new Saved(map, decode(namespace, deployment, map));
    }

    /** The history stored in {@code map}, a ConfigMap from a watch. */
    ReleaseHistory decode(String namespace, String deployment, ConfigMap map) {
        if (map == null || map.getData() == null || !map.getData().containsKey(KEY)) {
            return ReleaseHistory.empty();
        }
        return codec.read(map.getData().get(KEY), "ConfigMap " + namespace + "/" + ReleaseNames.stateConfigMap(deployment));
    }

    /** Calls {@code listener} with the history whenever it changes; close the watch when done. */
    public Watch watch(String namespace, String deployment, Consumer<ReleaseHistory> listener) {
        return client.configMaps().inNamespace(namespace).withName(ReleaseNames.stateConfigMap(deployment))
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        listener.accept(action == Action.DELETED ? ReleaseHistory.empty()
                                : decode(namespace, deployment, resource));
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // the caller reloads when it reopens the watch
                    }
                });
    }

    private ConfigMap write(String namespace, String deployment, ConfigMap current, ReleaseHistory history) {
        String json = codec.write(history);
        if (current == null) {
            return client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                    .withNewMetadata().withName(ReleaseNames.stateConfigMap(deployment)).withNamespace(namespace)
                    .withLabels(Map.of(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE, ReleaseNames.STATE_OF, deployment))
                    .withOwnerReferences(StableOwner.of(client, namespace, deployment)).endMetadata()
                    .withData(Map.of(KEY, json)).build()).create();
        } else {
            ConfigMap next = new ConfigMapBuilder(current).withData(Map.of(KEY, json)).build();
            return client.configMaps().inNamespace(namespace).resource(next).update();
        }
    }

    private ConfigMap get(String namespace, String deployment) {
        return client.configMaps().inNamespace(namespace).withName(ReleaseNames.stateConfigMap(deployment)).get();
    }
}
