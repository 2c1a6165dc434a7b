package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes a manifest's ConfigMaps and Secrets onto the live ones under their own names: the data, and the labels and
 * annotations the manifest sets, while the rest of the live metadata stays (Helm's {@code managed-by} label and
 * {@code meta.helm.sh/*} annotations, kubectl's last-applied-configuration, ownerReferences), so whoever installed
 * them still recognises them as theirs. Also the data changes of a rollback.
 */
final class LiveConfigWrites {
    private final KubernetesClient client;
    private final ClusterWrites writes;
    private final KubernetesSerialization serialization;

    LiveConfigWrites(KubernetesClient client) {
        this.client = client;
        this.writes = new ClusterWrites(client);
        this.serialization = client.getKubernetesSerialization();
    }

    /** Creates {@code manifest}'s object, or updates the live one with what the manifest sets. */
    void apply(HasMetadata manifest) {
        HasMetadata live = client.resource(manifest).get();
        if (live == null) {
            writes.upsert(manifest);
        } else {
            writes.edit(live, current -> withManifest(current, manifest));
        }
    }

    /** Changes only the live object's data, re-reading and changing again if someone wrote it meanwhile. */
    <T extends HasMetadata> void changeData(T live, UnaryOperator<T> change) {
        writes.edit(live, current -> change.apply(serialization.clone(current)));
    }

    private HasMetadata withManifest(HasMetadata live, HasMetadata manifest) {
        HasMetadata updated = serialization.clone(live);
        ObjectMeta meta = updated.getMetadata();
        meta.setLabels(overlaid(meta.getLabels(), manifest.getMetadata().getLabels()));
        meta.setAnnotations(overlaid(meta.getAnnotations(), manifest.getMetadata().getAnnotations()));
        if (updated instanceof ConfigMap cm && manifest instanceof ConfigMap wanted) {
            cm.setData(wanted.getData());
            cm.setBinaryData(wanted.getBinaryData());
        } else if (updated instanceof Secret secret && manifest instanceof Secret wanted) {
            secret.setData(wanted.getData());
            secret.setStringData(wanted.getStringData());
        }
        return updated;
    }

    private static Map<String, String> overlaid(Map<String, String> live, Map<String, String> manifest) {
        Map<String, String> all = new LinkedHashMap<>(live == null ? Map.of() : live);
        all.putAll(manifest == null ? Map.of() : manifest);
        return all.isEmpty() ? null : all;
    }
}
