package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cascading deletion through ownerReferences: a ReplicaSet whose controlling Deployment is gone, and a Pod whose
 * controlling ReplicaSet is gone, are deleted (background propagation, one level per pass).
 */
final class GarbageCollector {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final ClusterWriter writer;

    GarbageCollector(ClusterWriter writer) {
        this.writer = writer;
    }

    void collect(ClusterSnapshot snapshot) {
        Set<String> deployments = snapshot.uids(snapshot.deployments());
        Set<String> replicaSets = snapshot.uids(snapshot.replicaSets());
        for (ReplicaSet rs : snapshot.replicaSets()) {
            if (orphaned(rs, "Deployment", deployments)) {
                delete(rs);
                snapshot.remove(rs);
            }
        }
        for (Pod pod : snapshot.pods()) {
            if (orphaned(pod, "ReplicaSet", replicaSets)) {
                delete(pod);
                snapshot.remove(pod);
            }
        }
    }

    private static boolean orphaned(HasMetadata object, String ownerKind, Set<String> liveOwners) {
        return Owners.controllerOf(object)
                .filter(ref -> ownerKind.equals(ref.getKind()))
                .map(ref -> !liveOwners.contains(ref.getUid()))
                .orElse(false);
    }

    private void delete(HasMetadata object) {
        try {
            writer.delete(object);
        } catch (RuntimeException e) {
            LOG.debug("could not collect {}: {}", object.getMetadata().getName(), e.toString());
        }
    }
}
