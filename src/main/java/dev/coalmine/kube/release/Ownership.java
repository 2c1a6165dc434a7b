package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Coalmine may adopt, change or delete an object named like one of a release's: only if it carries
 * {@code app.kubernetes.io/managed-by: coalmine} and belongs to the same workload (its {@code coalmine.dev/workload}
 * label, or on objects from before that label the {@code coalmine.dev/stable} annotation) and track.
 */
final class Ownership {
    private static final String HELM_RELEASE = "meta.helm.sh/release-name";

    private Ownership() {
    }

    /** Why {@code object} is not the {@code track} Deployment of {@code workload}'s releases; empty when it is. */
    static Optional<String> refusal(HasMetadata object, String workload, String track) {
        Map<String, String> labels = orEmpty(object.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(object.getMetadata().getAnnotations());
        String madeFor = labels.getOrDefault(ReleaseNames.WORKLOAD, annotations.get(ReleaseNames.STABLE_ANNOTATION));
        boolean ours = ReleaseNames.COALMINE.equals(labels.get(ReleaseNames.MANAGED_BY)) && workload.equals(madeFor)
                && track.equals(labels.get(ReleaseNames.TRACK));
        if (ours) {
            return Optional.empty();
        }
        return Optional.of(object.getKind() + " " + object.getMetadata().getName() + " in namespace "
                + object.getMetadata().getNamespace() + " is not Coalmine's " + track + " of " + workload + " ("
                + manager(labels, annotations) + "); Coalmine never adopts, changes or deletes it: rename or remove it");
    }

    private static String manager(Map<String, String> labels, Map<String, String> annotations) {
        String managedBy = labels.get(ReleaseNames.MANAGED_BY);
        String helm = annotations.get(HELM_RELEASE);
        if (helm != null) {
            return "managed by Helm release " + helm + (managedBy == null ? "" : ", " + ReleaseNames.MANAGED_BY + ": "
                    + managedBy);
        }
        if (managedBy == null) {
            return "no " + ReleaseNames.MANAGED_BY + " label: made by hand or by another tool";
        }
        return ReleaseNames.MANAGED_BY + ": " + managedBy + (ReleaseNames.COALMINE.equals(managedBy)
                ? " but made for " + labels.getOrDefault(ReleaseNames.WORKLOAD, annotations.get(ReleaseNames.STABLE_ANNOTATION))
                + ", track " + labels.get(ReleaseNames.TRACK) : "");
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
