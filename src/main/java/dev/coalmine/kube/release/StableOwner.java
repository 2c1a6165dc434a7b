package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The owner reference that hands a workload's release state and Lease to its stable Deployment, so Kubernetes'
 * garbage collector deletes them with it. Not a controller reference, and it never blocks the Deployment's
 * deletion (that would need permission on the Deployment's finalizers).
 */
final class StableOwner {
    private StableOwner() {
    }

    /** Empty when the Deployment is gone: the object is then created without an owner, as before. */
    static List<OwnerReference> of(KubernetesClient client, String namespace, String deployment) {
        return of(client.apps().deployments().inNamespace(namespace).withName(deployment).get());
    }

    /** The reference to {@code stable} as it was just read; empty when it is null. */
    static List<OwnerReference> of(Deployment stable) {
        if (stable == null || stable.getMetadata().getUid() == null) {
            return List.of();
        }
        return List.of(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withName(stable.getMetadata().getName()).withUid(stable.getMetadata().getUid()).withController(false)
                .withBlockOwnerDeletion(false).build());
    }
}
