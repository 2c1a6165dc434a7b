package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The Secret {@code coalmine-release-<deployment>-<N>-<suffix>} that holds a manifest release's
 * {@link ReleaseSecrets}, so Secret values never reach the state ConfigMap. It carries the versioned-copy labels
 * of its release, so the wrap-up deletes it with the copies.
 */
final class ReleaseSecretStore {
    static final String KEY = "release-secrets.json";

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;

    ReleaseSecretStore(KubernetesClient client) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
    }

    /** The Secret to create for {@code release}, holding {@code secrets}. */
    Secret toSecret(String namespace, String deployment, int release, String name, ReleaseSecrets secrets) {
        Map<String, String> labels = new HashMap<>(WorkloadObserver.copyLabels(deployment, release));
        labels.put(ReleaseNames.SECRET_DATA_OF, deployment);
        labels.put(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE);
        String json = serialization.asJson(secrets);
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withType("Opaque")
                .withData(Map.of(KEY, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    /** Creates it; the name is new to this start, so an existing one is an error, never overwritten. */
    void create(Secret secret) {
        client.resource(secret).create();
    }

    void delete(Secret secret) {
        client.resource(secret).delete();
    }

    /**
     * The Secret data of {@code state}: read from its Secret, or, for a release started before the data had a
     * Secret of its own (or without Secrets), from the plan's manifest, without previous data.
     */
    ReleaseSecrets read(ReleaseState state, StartSnapshot snapshot, ManifestBundle manifest) {
        if (snapshot.secretDataIn() == null) {
            return manifest == null ? ReleaseSecrets.none() : new ReleaseSecrets(manifest.secrets(), Map.of());
        }
        String ns = state.plan().namespace();
        Secret kept = client.secrets().inNamespace(ns).withName(snapshot.secretDataIn()).get();
        if (kept == null || kept.getData() == null || !kept.getData().containsKey(KEY)) {
            throw new CoalmineException("the Secret " + ns + "/" + snapshot.secretDataIn() + " that holds the Secret "
                    + "data of release " + state.number() + " of " + state.plan().deployment() + " is gone or emptied, so the "
                    + "release cannot write its Secrets; reject it if it still awaits judgment (coalmine canary reject "
                    + state.plan().deployment() + "), otherwise set the Secrets right by hand");
        }
        String json = new String(Base64.getDecoder().decode(kept.getData().get(KEY)), StandardCharsets.UTF_8);
        return serialization.unmarshal(json, ReleaseSecrets.class);
    }
}
