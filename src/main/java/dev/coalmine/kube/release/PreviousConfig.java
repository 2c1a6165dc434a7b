package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The rollback of a manifest release's config: puts back the data the live ConfigMaps and Secrets had before the
 * promotion overwrote them, and deletes those that did not exist before. Safe to run again.
 */
final class PreviousConfig {
    private final KubernetesClient client;
    private final ClusterWrites writes;
    private final LiveConfigWrites config;

    PreviousConfig(KubernetesClient client, LiveConfigWrites config) {
        this.client = client;
        this.writes = new ClusterWrites(client);
        this.config = config;
    }

    void restore(String namespace, StartSnapshot snapshot, ReleaseSecrets secrets) {
        snapshot.previousConfigMapData().forEach((name, data) -> restore(
                client.configMaps().inNamespace(namespace).withName(name), data,
                () -> new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build(),
                ConfigMap::setData));
        secrets.previousData().forEach((name, data) -> restore(
                client.secrets().inNamespace(namespace).withName(name), data,
                () -> new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build(),
                (secret, previous) -> {
                    secret.setData(previous);
                    secret.setStringData(null);
                }));
    }

    /** {@code data} null: the object did not exist before the release. */
    private <T extends HasMetadata> void restore(Resource<T> resource, Map<String, String> data, Supplier<T> fresh,
                                                 BiConsumer<T, Map<String, String>> setData) {
        if (data == null) {
            resource.delete();
            return;
        }
        T live = resource.get();
        if (live == null) {
            T restored = fresh.get();
            setData.accept(restored, new HashMap<>(data));
            writes.upsert(restored);
        } else {
            // Only the data goes back: labels and annotations others keep on it (Helm's, kubectl's) stay.
            config.changeData(live, current -> {
                setData.accept(current, new HashMap<>(data));
                return current;
            });
        }
    }
}
