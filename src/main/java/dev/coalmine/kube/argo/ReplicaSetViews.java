package dev.coalmine.kube.argo;

import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.ReplicaSetView;
import dev.coalmine.kube.cache.CachedKind;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;

/** A Rollout's ReplicaSet and its pods as the view lists them. */
final class ReplicaSetViews {
    private ReplicaSetViews() {
    }

    static ReplicaSetView of(ReplicaSet rs, ArgoRollout rollout, List<Pod> pods) {
        Map<String, String> labels = rs.getMetadata().getLabels() == null ? Map.of() : rs.getMetadata().getLabels();
        String hash = labels.getOrDefault(CachedKind.ROLLOUT_HASH, "");
        int replicas = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
        int ready = rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null ? 0
                : rs.getStatus().getReadyReplicas();
        List<String> images = rs.getSpec() == null || rs.getSpec().getTemplate() == null ? List.of()
                : rs.getSpec().getTemplate().getSpec().getContainers().stream().map(c -> c.getImage()).toList();
        return new ReplicaSetView(rs.getMetadata().getName(), hash, ReplicaSetView.roleOf(hash, rollout), replicas, ready,
                images, pods.stream().map(ReplicaSetViews::pod).toList());
    }

    private static ReplicaSetView.PodView pod(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        boolean ready = !statuses.isEmpty() && statuses.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
        return new ReplicaSetView.PodView(pod.getMetadata().getName(), phase, ready, restarts);
    }
}
