package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.core.feed.ReleaseObjectNames;
import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a ReplicaSet or Pod named like one of the release's really is: while the object exists,
 * its controller owner reference must be the matching ReplicaSet or Deployment; once it is gone (Events
 * outlive Pods), the name decides. Answers are cached; call it from one thread.
 */
final class ReleaseObjectMatcher {
    private static final int CACHE_SIZE = 4096;

    private final KubernetesClient client;
    private final String namespace;
    private final ReleaseObjectNames names;
    private final Map<ObjectRef, Boolean> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectRef, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ReleaseObjectMatcher(KubernetesClient client, String namespace, ReleaseObjectNames names) {
        this.client = client;
        this.namespace = namespace;
        this.names = names;
    }

    boolean belongs(ObjectRef object) {
        Optional<Track> track = names.trackOf(object);
        if (track.isEmpty()) {
            return false;
        }
        if (object.kind().equals("Deployment")) {
            return true;
        }
        return cache.computeIfAbsent(object, o -> confirmedByOwner(o, track.get()));
    }

    private boolean confirmedByOwner(ObjectRef object, Track track) {
        HasMetadata live;
        try {
            live = object.kind().equals("Pod")
                    ? client.pods().inNamespace(namespace).withName(object.name()).get()
                    : client.apps().replicaSets().inNamespace(namespace).withName(object.name()).get();
        } catch (KubernetesClientException e) {
            return true;
        }
        Optional<OwnerReference> owner = live == null ? Optional.empty() : controllerOf(live);
        if (owner.isEmpty()) {
            return true;
        }
        String ownerName = owner.get().getName();
        return object.kind().equals("Pod")
                ? owner.get().getKind().equals("ReplicaSet") && names.trackOfReplicaSet(ownerName).equals(Optional.of(track))
                : owner.get().getKind().equals("Deployment") && track.workloadName(names.workload()).equals(ownerName);
    }

    private static Optional<OwnerReference> controllerOf(HasMetadata object) {
        var refs = object.getMetadata().getOwnerReferences();
        if (refs == null || refs.isEmpty()) {
            return Optional.empty();
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
                .or(() -> Optional.of(refs.get(0)));
    }
}
