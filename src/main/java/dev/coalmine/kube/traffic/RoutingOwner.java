package dev.coalmine.kube.traffic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/**
 * Whose the release's routing objects are: the labels every object Coalmine creates for the workload carries
 * ({@code app.kubernetes.io/managed-by: coalmine} and the workload label), the owner reference to stable, and the
 * pod label that tells the tracks apart ({@code coalmine.dev/track}).
 */
public record RoutingOwner(String namespace, String workload, Map<String, String> labels, List<OwnerReference> owners,
                           String trackLabel) {
    public RoutingOwner {
        labels = Map.copyOf(labels);
        owners = List.copyOf(owners);
    }

    /** {@code object} carries all of the release's labels: Coalmine made it for this workload. */
    boolean ours(HasMetadata object) {
        Map<String, String> theirs = object.getMetadata().getLabels();
        return theirs != null && theirs.entrySet().containsAll(labels.entrySet());
    }

    /** Why an object of a name the release needs cannot be used. */
    String refusal(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName() + " in namespace " + namespace
                + " is not Coalmine's routing of " + workload + " (it lacks the labels " + labels + "); Coalmine "
                + "never adopts, changes or deletes it: rename or remove it";
    }
}
