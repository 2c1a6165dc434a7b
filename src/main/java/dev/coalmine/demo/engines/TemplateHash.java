package dev.coalmine.demo.engines;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;

/**
 * A short, stable hash of a pod template (FNV-1a over its JSON), spelt in the letters Kubernetes uses for hashes.
 * With a collision count (a Rollout's {@code status.collisionCount}) the count is hashed too, as Kubernetes'
 * {@code ComputeHash} does, so that a name taken by someone else's ReplicaSet gives way to a new one.
 */
final class TemplateHash {
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private TemplateHash() {
    }

    static String of(KubernetesClient client, PodTemplateSpec template) {
        return of(client, template, 0);
    }

    static String of(KubernetesClient client, PodTemplateSpec template, int collisionCount) {
        String json = client.getKubernetesSerialization().asJson(template);
        if (collisionCount > 0) {
            json += collisionCount;
        }
        int hash = 0x811c9dc5;
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        StringBuilder safe = new StringBuilder();
        for (char c : Integer.toUnsignedString(hash).toCharArray()) {
            safe.append(SAFE_ALPHABET.charAt(c % SAFE_ALPHABET.length()));
        }
        return safe.toString();
    }
}
