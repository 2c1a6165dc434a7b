package dev.coalmine.kube.flagger;

import dev.coalmine.core.flagger.CanaryPodLabel;
import dev.coalmine.kube.cache.CachedKind;
import dev.coalmine.kube.cache.CachedObjects;
import dev.coalmine.kube.cache.ClusterCache;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;

/** The pods of a Flagger Canary's target and primary Deployments, as one cached kind. */
public final class CanaryPods {
    private CanaryPods() {
    }

    /** Empty when the target Deployment is missing or its selector has none of the labels Flagger tells pods by. */
    public static Optional<CachedKind<Pod>> of(ClusterCache cache, String namespace, String target) {
        return label(cache, namespace, target).map(CanaryPods::selector).map(CachedKind::podsSelectedBy);
    }

    /** The label Flagger tells the pods of {@code target}'s canary and primary apart by; empty as in {@link #of}. */
    public static Optional<CanaryPodLabel> label(ClusterCache cache, String namespace, String target) {
        try (CachedObjects<Deployment> deployments = cache.open(CachedKind.DEPLOYMENTS, namespace)) {
            return Optional.ofNullable(deployments.get(target)).flatMap(CanaryPods::label);
        }
    }

    private static Optional<CanaryPodLabel> label(Deployment target) {
        LabelSelector selector = target.getSpec().getSelector();
        Map<String, String> labels = selector == null || selector.getMatchLabels() == null ? Map.of()
                : selector.getMatchLabels();
        return CanaryPodLabel.of(labels);
    }

    private static LabelSelector selector(CanaryPodLabel label) {
        return new LabelSelectorBuilder().addNewMatchExpression().withKey(label.key()).withOperator("In")
                .withValues(label.values()).endMatchExpression().build();
    }
}
