package dev.coalmine.kube.release;

import dev.coalmine.core.feed.ReleaseObjectNames;
import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a pod belongs to one track of one workload's release. Pods made since the {@code coalmine.dev/workload}
 * label exists carry it; the pods of a release started before do not, and are recognised by the ReplicaSet that
 * controls them (named after {@code <name>-canary} etc.), or by their own name when they have no owner.
 */
public final class ReleasePods {
    private ReleasePods() {
    }

    public static boolean isOf(Pod pod, String workload, String track, int release) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (labels == null || !labels.entrySet().containsAll(ReleaseNames.trackLabels(track, release).entrySet())) {
            return false;
        }
        String named = labels.get(ReleaseNames.WORKLOAD);
        if (named != null) {
            return named.equals(workload);
        }
        Track wanted = Track.ofLabel(track);
        ReleaseObjectNames names = new ReleaseObjectNames(workload);
        return replicaSetOf(pod).map(names::trackOfReplicaSet)
                .orElseGet(() -> names.trackOfPod(pod.getMetadata().getName()))
                .filter(wanted::equals).isPresent();
    }

    /** The pods in {@code pods} that belong to {@code track} of {@code workload}'s release {@code release}. */
    public static List<Pod> of(List<Pod> pods, String workload, String track, int release) {
        return pods.stream().filter(p -> isOf(p, workload, track, release)).toList();
    }

    private static Optional<String> replicaSetOf(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null ? Optional.empty() : owners.stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()) && "ReplicaSet".equals(o.getKind()))
                .map(OwnerReference::getName).findFirst();
    }
}
