package dev.coalmine.core.flagger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label that tells a Flagger Canary's pods apart, as Flagger picks it: the first of its default selector labels
 * ({@code app}, {@code name}, {@code app.kubernetes.io/name}) in the target Deployment's {@code matchLabels}; the
 * canary pods carry its value, the primary's pods the value with {@code -primary} appended.
 */
public record CanaryPodLabel(String key, String canaryValue) {
    private static final List<String> SELECTOR_LABELS = List.of("app", "name", "app.kubernetes.io/name");

    public static Optional<CanaryPodLabel> of(Map<String, String> targetMatchLabels) {
        return SELECTOR_LABELS.stream().filter(targetMatchLabels::containsKey).findFirst()
                .map(key -> new CanaryPodLabel(key, targetMatchLabels.get(key)));
    }

    public String primaryValue() {
        return canaryValue + "-primary";
    }

    /** Both Deployments' values: the pods of the canary and of the primary. */
    public List<String> values() {
        return List.of(canaryValue, primaryValue());
    }
}
