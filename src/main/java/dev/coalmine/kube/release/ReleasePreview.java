package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.RequestShare;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What a plan would do, without changing anything: the replica counts and the objects it would create
 * (versioned config copies, {@code <name>-canary}, {@code <name>-baseline}). The {@code yaml} never holds a Secret
 * value: each key shows its size instead, as {@code kubectl describe secret} does. The {@code notes} say what the
 * stable's shape means for the release (an autoscaler owning its replicas, promotion under the Recreate strategy…).
 */
public record ReleasePreview(ReleasePlan plan, int release, int stableReplicas, int canaryReplicas,
                             int baselineReplicas, List<HasMetadata> objects, String yaml, List<String> notes) {
    public ReleasePreview {
        objects = List.copyOf(objects);
        notes = List.copyOf(notes);
    }

    /** The share of requests the canary would get, and whether that is more than the size asked for. */
    public RequestShare requestShare() {
        return new RequestShare(stableReplicas, baselineReplicas, canaryReplicas, plan.size());
    }

    /** The objects as multi-document YAML, Secrets with their keys and sizes only. */
    static String yamlOf(List<HasMetadata> objects, KubernetesSerialization serialization) {
        return objects.stream().map(o -> o instanceof Secret secret ? redacted(secret) : o)
                .map(serialization::asYaml).map(y -> y.startsWith("---") ? y : "---\n" + y)
                .collect(Collectors.joining());
    }

    private static Secret redacted(Secret secret) {
        return new SecretBuilder(secret)
                .withData(sizes(secret.getData(), ReleasePreview::decodedLength))
                .withStringData(sizes(secret.getStringData(), value -> value.getBytes(StandardCharsets.UTF_8).length))
                .build();
    }

    /** The dry run refuses data that is not base64; until then, the text's own length is the best guess. */
    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException notBase64) {
            return base64.length();
        }
    }

    private static Map<String, String> sizes(Map<String, String> data, ToIntFunction<String> bytes) {
        if (data == null) {
            return null;
        }
        Map<String, String> sizes = new TreeMap<>();
        data.forEach((key, value) -> sizes.put(key, "<redacted: " + (value == null ? 0 : bytes.applyAsInt(value))
                + " bytes>"));
        return sizes;
    }
}
