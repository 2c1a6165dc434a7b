package dev.coalmine.kube.release;

import dev.coalmine.core.judge.Track;
import dev.coalmine.core.release.Observation;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.WorkloadStatus;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Looks at stable, canary, baseline and the versioned config of a release and reports what it sees. */
final class WorkloadObserver {
    /** Container waiting reasons that will not fix themselves. */
    private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "ErrImageNeverPull");

    private final KubernetesClient client;
    private final Clock clock;

    public WorkloadObserver(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** What {@code view} (the drive's watches) shows of the release. */
    Observation observe(ReleaseState state, StartSnapshot snapshot, DriveView view) {
        String ns = state.plan().namespace();
        String name = state.plan().deployment();
        int n = state.number();
        // Copies exist only when the release needs them: without, there is nothing to list.
        int copies = snapshot.copiesNeeded() == 0 ? 0 : copiesPresent(ns, name, n);
        WorkloadStatus baseline = status(view, name, ReleaseNames.BASELINE, n);
        return new Observation(clock.instant(), status(view, name, ReleaseNames.STABLE, n),
                status(view, name, ReleaseNames.CANARY, n),
                baseline.isNotOurs() && !state.plan().baseline() ? WorkloadStatus.absent() : baseline,
                snapshot.copiesNeeded(), copies);
    }

    /**
     * The versioned copies of release {@code n}, plus one if a Secret holding its Secrets' data is there. A start
     * killed before it was recorded may have left such a Secret of the same number: it counts (so the wrap-up
     * deletes it) but never in place of a missing copy.
     */
    private int copiesPresent(String ns, String name, int n) {
        List<HasMetadata> all = Stream.<HasMetadata>concat(
                client.configMaps().inNamespace(ns).withLabels(copyLabels(name, n)).list().getItems().stream(),
                client.secrets().inNamespace(ns).withLabels(copyLabels(name, n)).list().getItems().stream()).toList();
        long secretData = all.stream().filter(WorkloadObserver::holdsSecretData).count();
        return (int) (all.size() - secretData) + (secretData > 0 ? 1 : 0);
    }

    private static boolean holdsSecretData(HasMetadata o) {
        Map<String, String> labels = o.getMetadata().getLabels();
        return labels != null && labels.containsKey(ReleaseNames.SECRET_DATA_OF);
    }

    /** What {@code view} shows of the Deployment running {@code track} of {@code workload}. */
    private WorkloadStatus status(DriveView view, String workload, String track, int release) {
        Deployment d = view.deployment(Track.ofLabel(track).workloadName(workload));
        if (d == null) {
            return WorkloadStatus.absent();
        }
        return refusal(d, workload, track).map(WorkloadStatus::notOurs)
                .orElseGet(() -> deletion(d, status(d, track, release, () -> view.pods(track, release))));
    }

    private static WorkloadStatus deletion(Deployment d, WorkloadStatus status) {
        if (d.getMetadata().getDeletionTimestamp() == null) {
            return status;
        }
        return status.beingDeleted(Optional.ofNullable(d.getMetadata().getFinalizers()).orElse(List.of()));
    }

    /** Stable is the user's by definition; a canary or baseline must be Coalmine's, made for this workload. */
    private static Optional<String> refusal(Deployment d, String workload, String track) {
        return ReleaseNames.STABLE.equals(track) ? Optional.empty() : Ownership.refusal(d, workload, track);
    }

    static Map<String, String> copyLabels(String deployment, int release) {
        return Map.of(ReleaseNames.CONFIG_OF, deployment, ReleaseNames.RELEASE, String.valueOf(release));
    }

    /**
     * The status of the Deployment that runs {@code track} of {@code workload}; {@code release} picks the pods
     * checked for problems.
     */
    public WorkloadStatus status(String namespace, String workload, String track, int release) {
        String name = Track.ofLabel(track).workloadName(workload);
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (d == null) {
            return WorkloadStatus.absent();
        }
        return refusal(d, workload, track).map(WorkloadStatus::notOurs)
                .orElseGet(() -> status(d, workload, track, release));
    }

    private WorkloadStatus status(Deployment d, String workload, String track, int release) {
        return status(d, track, release, () -> ReleasePods.of(client.pods().inNamespace(d.getMetadata().getNamespace())
                .withLabels(ReleaseNames.trackLabels(track, release)).list().getItems(), workload, track, release));
    }

    private WorkloadStatus status(Deployment d, String track, int release, Supplier<List<Pod>> pods) {
        DeploymentStatus s = Optional.ofNullable(d.getStatus()).orElseGet(DeploymentStatus::new);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        String label = podLabels == null ? null : podLabels.get(ReleaseNames.RELEASE);
        Integer templateRelease = label == null || !label.matches("\\d{1,9}") ? null : Integer.valueOf(label);
        List<String> images = d.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getImage).toList();
        WorkloadStatus counted = new WorkloadStatus(true, templateRelease, orZero(d.getSpec().getReplicas()),
                orZero(s.getReplicas()), orZero(s.getUpdatedReplicas()), orZero(s.getReadyReplicas()),
                orZero(s.getAvailableReplicas()), d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration(),
                s.getObservedGeneration() == null ? 0 : s.getObservedGeneration(), images, conditionProblem(s));
        if (StableShape.recreates(d)) {
            counted = counted.recreating();
        }
        if (StableShape.pausesRollouts(d)) {
            counted = counted.pausedRollouts();
        }
        // A rolled-out track has no pod that could be stuck, so its pods are only looked at while it is not.
        if (counted.hasProblem() || !Objects.equals(templateRelease, release) || counted.steady()) {
            return counted;
        }
        return counted.withProblem(podProblem(pods.get()));
    }

    private static String conditionProblem(DeploymentStatus s) {
        for (DeploymentCondition c : Optional.ofNullable(s.getConditions()).orElse(List.of())) {
            boolean deadline = "Progressing".equals(c.getType()) && "False".equals(c.getStatus());
            boolean replicaFailure = "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus());
            if (deadline || replicaFailure) {
                return c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            }
        }
        return null;
    }

    private static String podProblem(List<Pod> pods) {
        for (Pod pod : pods) {
            List<ContainerStatus> statuses = pod.getStatus() == null ? List.of() : Stream.concat(
                    Optional.ofNullable(pod.getStatus().getInitContainerStatuses()).orElse(List.of()).stream(),
                    Optional.ofNullable(pod.getStatus().getContainerStatuses()).orElse(List.of()).stream()).toList();
            for (ContainerStatus cs : statuses) {
                var waiting = cs.getState() == null ? null : cs.getState().getWaiting();
                if (waiting != null && STUCK.contains(waiting.getReason())) {
                    return waiting.getReason() + " in pod " + pod.getMetadata().getName() + " (container "
                            + cs.getName() + (cs.getImage() == null ? "" : ", image " + cs.getImage()) + ")";
                }
            }
        }
        return null;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
