package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Optional;

/** Controller ownership through ownerReferences, the way Kubernetes decides who counts an object. */
final class Owners {
    private Owners() {
    }

    static Optional<OwnerReference> controllerOf(HasMetadata object) {
        var refs = object.getMetadata().getOwnerReferences();
        if (refs == null) {
            return Optional.empty();
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        return uid != null && controllerOf(object).map(r -> uid.equals(r.getUid())).orElse(false);
    }

    static OwnerReference controllerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(HasMetadata.getApiVersion(owner.getClass()))
                .withKind(HasMetadata.getKind(owner.getClass()))
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
