package dev.coalmine.demo.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code pod-template-hash} of a pod template, and template equality ignoring that label. */
final class PodTemplateHasher {
    static final String HASH_LABEL = "pod-template-hash";
    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectMapper canonical = Serialization.jsonMapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    String hash(PodTemplateSpec template) {
        int hash = 0x811c9dc5;
        for (byte b : canonicalJson(template).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        String decimal = Integer.toUnsignedString(hash);
        StringBuilder safe = new StringBuilder(decimal.length());
        for (char c : decimal.toCharArray()) {
            safe.append(SAFE_ALPHABET.charAt(c % SAFE_ALPHABET.length()));
        }
        return safe.toString();
    }

    boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return canonicalJson(a).equals(canonicalJson(b));
    }

    private String canonicalJson(PodTemplateSpec template) {
        PodTemplateSpec copy = new PodTemplateSpecBuilder(template).build();
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove(HASH_LABEL);
            copy.getMetadata().setLabels(labels);
        }
        try {
            return canonical.writeValueAsString(canonical.convertValue(copy, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pod template could not be written as JSON", e);
        }
    }
}
