package dev.coalmine.demo.engines;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;

/** A short, stable hash of a pod template (FNV-1a over its JSON), spelt in the letters Kubernetes uses for hashes. */
final class TemplateHash {
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private TemplateHash() {
    }

    static String of(KubernetesClient client, PodTemplateSpec template) {
        String json = client.getKubernetesSerialization().asJson(template);
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
