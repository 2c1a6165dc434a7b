package dev.coalmine.kube.traffic;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ReplicaSet the stable track is pinned to: the newest of stable's ReplicaSets that has a ready pod. During a
 * rolling update that is the new one from its first ready pod on, long before the Deployment controller scales the
 * old one to zero (it keeps at least replicas − maxUnavailable available), so {@code <S>-stable} always has a ready
 * endpoint: see decisions/weighted-traffic.md.
 */
final class StablePin {
    private static final String REVISION = "deployment.kubernetes.io/revision";
    private static final String HASH = "pod-template-hash";
    private final KubernetesClient client;

    StablePin(KubernetesClient client) {
        this.client = client;
    }

    /** The hash, or null when stable has no ReplicaSet yet. */
    String hashOf(Deployment stable) {
        String uid = stable.getMetadata().getUid();
        List<ReplicaSet> owned = client.apps().replicaSets().inNamespace(stable.getMetadata().getNamespace()).list()
                .getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences() != null && rs.getMetadata().getOwnerReferences()
                        .stream().anyMatch(o -> o.getUid() != null && o.getUid().equals(uid)))
                .sorted(Comparator.comparingLong(StablePin::revision).reversed()).toList();
        Optional<ReplicaSet> pick = owned.stream().filter(rs -> ready(rs) > 0).findFirst()
                .or(() -> owned.stream().findFirst());
        return pick.map(StablePin::hash).orElse(null);
    }

    private static long revision(ReplicaSet rs) {
        Map<String, String> annotations = rs.getMetadata().getAnnotations();
        try {
            return annotations == null ? 0 : Long.parseLong(annotations.getOrDefault(REVISION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int ready(ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas();
    }

    private static String hash(ReplicaSet rs) {
        Map<String, String> labels = rs.getMetadata().getLabels();
        return labels == null ? null : labels.get(HASH);
    }
}
