package dev.coalmine.demo.traffic;

import dev.coalmine.addon.TrainerControls;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The trainer's knobs, live: request rate and per-image error rate and latency. They live in the ConfigMap
 * {@code coalmine-demo} in namespace {@code coalmine-demo}, so the console's demo panel and
 * {@code kubectl edit configmap} change the same thing; the traffic simulation re-reads it on every tick.
 * Every method here does an API call: call it off the JavaFX thread.
 */
public final class TrafficKnobs implements TrainerControls {
    public static final String NAMESPACE = "coalmine-demo";
    public static final String CONFIG_MAP = "coalmine-demo";

    private final KubernetesClient client;

    public TrafficKnobs(KubernetesClient client) {
        this.client = client;
    }

    /** The knobs as currently stored (defaults when the ConfigMap does not exist). */
    public KnobSettings read() {
        ConfigMap configMap = configMap().get();
        return configMap == null ? KnobSettings.DEFAULTS : KnobSettings.parse(configMap.getData());
    }

    @Override
    public void setRequestsPerSecond(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0 && requestsPerSecond <= KnobSettings.MAX_REQUESTS_PER_SECOND)) {
            throw new IllegalArgumentException("requests per second must be between 0 and "
                    + KnobSettings.MAX_REQUESTS_PER_SECOND + ", got " + requestsPerSecond);
        }
        write(Map.of(KnobSettings.REQUESTS_PER_SECOND, format(requestsPerSecond)));
    }

    /** Makes pods whose image reference contains {@code imageSubstring} answer this share with 5xx. */
    @Override
    public void setErrorRate(String imageSubstring, double errorRate) {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("an error rate is between 0 and 1, got " + errorRate);
        }
        write(Map.of(key(imageSubstring, KnobSettings.ERROR_RATE_SUFFIX), format(errorRate)));
    }

    /** Sets the median latency of pods whose image reference contains {@code imageSubstring}. */
    @Override
    public void setLatency(String imageSubstring, Duration medianLatency) {
        if (medianLatency.isNegative() || medianLatency.isZero()) {
            throw new IllegalArgumentException("a latency is positive, got " + medianLatency);
        }
        write(Map.of(key(imageSubstring, KnobSettings.LATENCY_SUFFIX), format(medianLatency.toNanos() / 1e6)));
    }

    /**
     * Makes {@code share} of each Service's requests carry the header {@code header} ({@code NAME=VALUE}), so routes
     * that match it (A/B routing such as {@code --header x-canary=always}) take them; a share of 0 turns it off.
     */
    public void setHeaderRequests(String header, double share) {
        if (RequestHeader.parse(header) == null) {
            throw new IllegalArgumentException("a header for the demo's requests is NAME=VALUE, got \"" + header + "\"");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of requests is between 0 and 1, got " + share);
        }
        write(Map.of(KnobSettings.HEADER, header, KnobSettings.HEADER_SHARE, format(share)));
    }

    /** Returns images containing {@code imageSubstring} to their built-in behaviour. */
    @Override
    public void clear(String imageSubstring) {
        Map<String, String> removed = new HashMap<>();
        removed.put(key(imageSubstring, KnobSettings.ERROR_RATE_SUFFIX), null);
        removed.put(key(imageSubstring, KnobSettings.LATENCY_SUFFIX), null);
        write(removed);
    }

    private void write(Map<String, String> data) {
        ensureConfigMap();
        configMap().patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("data", data)));
    }

    private void ensureConfigMap() {
        if (configMap().get() != null) {
            return;
        }
        if (client.namespaces().withName(NAMESPACE).get() == null) {
            createIgnoringConflict(() -> client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                    .endMetadata().build()).create());
        }
        createIgnoringConflict(() -> client.resource(new ConfigMapBuilder().withNewMetadata()
                .withName(CONFIG_MAP).withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/managed-by", "coalmine").endMetadata()
                .addToData(KnobSettings.REQUESTS_PER_SECOND, format(KnobSettings.DEFAULT_REQUESTS_PER_SECOND))
                .build()).create());
    }

    private Resource<ConfigMap> configMap() {
        return client.configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP);
    }

    private static void createIgnoringConflict(Runnable create) {
        try {
            create.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    private static String key(String imageSubstring, String suffix) {
        // The substring becomes part of a ConfigMap key, which allows only these characters.
        if (imageSubstring == null || !imageSubstring.matches("[-._a-zA-Z0-9]+")) {
            throw new IllegalArgumentException("an image substring for a knob may contain only letters, digits, "
                    + "'-', '_' and '.', got \"" + imageSubstring + "\"");
        }
        return KnobSettings.IMAGE_PREFIX + imageSubstring + suffix;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
