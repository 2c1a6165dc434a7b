package dev.coalmine.kube.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Whether an object's labels satisfy a label selector, as the API server decides it for a {@code labelSelector}
 * query: every matchLabels pair and every matchExpressions requirement (In, NotIn, Exists, DoesNotExist) must hold;
 * an empty selector selects everything, a missing one nothing. The cache picks a kind's objects out of the one
 * informer of their collection with it.
 */
final class LabelSelectorMatch {
    private LabelSelectorMatch() {
    }

    static boolean matches(LabelSelector selector, HasMetadata object) {
        if (selector == null) {
            return false;
        }
        Map<String, String> labels = labels(object);
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!labels.entrySet().containsAll(wanted.entrySet())) {
            return false;
        }
        List<LabelSelectorRequirement> requirements = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        return requirements.stream().allMatch(r -> holds(r, labels));
    }

    /** An unknown operator selects nothing, as the API server refuses such a selector. */
    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (String.valueOf(requirement.getOperator())) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }

    static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
