package dev.coalmine.demo.traffic;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves a pod's Deployment through its ReplicaSet's controller reference. */
final class PodOwners {
    static final String TRACK_LABEL = "coalmine.dev/track";

    private final Map<String, String> deploymentByReplicaSetUid;

    private PodOwners(Map<String, String> deploymentByReplicaSetUid) {
        this.deploymentByReplicaSetUid = deploymentByReplicaSetUid;
    }

    static PodOwners read(KubernetesClient client) {
        Map<String, String> deployments = new HashMap<>();
        for (ReplicaSet rs : client.apps().replicaSets().inAnyNamespace().list().getItems()) {
            // An Argo Rollout owns its ReplicaSets as a Deployment does; its pods count as its workload's.
            controller(rs.getMetadata().getOwnerReferences(), "Deployment")
                    .or(() -> controller(rs.getMetadata().getOwnerReferences(), "Rollout"))
                    .ifPresent(ref -> deployments.put(rs.getMetadata().getUid(), ref.getName()));
        }
        return new PodOwners(deployments);
    }

    PodSeries seriesOf(Pod pod) {
        String deployment = controller(pod.getMetadata().getOwnerReferences(), "ReplicaSet")
                .map(ref -> deploymentByReplicaSetUid.getOrDefault(ref.getUid(), ""))
                .orElse("");
        Map<String, String> labels = pod.getMetadata().getLabels();
        String track = labels == null ? null : labels.get(TRACK_LABEL);
        return PodSeries.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), deployment,
                track == null || track.isEmpty() ? "stable" : track, labels);
    }

    private static Optional<OwnerReference> controller(List<OwnerReference> refs, String kind) {
        return refs == null ? Optional.empty()
                : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController()) && kind.equals(r.getKind())).findFirst();
    }
}
