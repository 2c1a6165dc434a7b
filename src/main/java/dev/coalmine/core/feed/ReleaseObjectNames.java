package dev.coalmine.core.feed;

import dev.coalmine.core.judge.Track;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which objects belong to a workload's release by name alone: the Deployments {@code NAME},
 * {@code NAME-baseline} and {@code NAME-canary}, their ReplicaSets {@code DEPLOYMENT-HASH} and their Pods
 * {@code REPLICASET-XXXXX}. A name can match by accident (a DaemonSet's pod {@code NAME-abcde}), so the
 * kube edge confirms ReplicaSets and Pods by their owner references while they still exist.
 */
public final class ReleaseObjectNames {
    private static final String SEGMENT = "-[a-z0-9]+";
    private static final String POD_SUFFIX = "-[a-z0-9]{5}";
    /** Longest suffix first, so {@code x-canary-…} is never read as a stable object of {@code x}. */
    private static final List<Track> MATCH_ORDER = List.of(Track.CANARY, Track.BASELINE, Track.STABLE);

    private final String workload;

    public ReleaseObjectNames(String workload) {
        this.workload = workload;
    }

    public String workload() {
        return workload;
    }

    public Optional<Track> trackOfDeployment(String name) {
        return MATCH_ORDER.stream().filter(t -> t.workloadName(workload).equals(name)).findFirst();
    }

    public Optional<Track> trackOfReplicaSet(String name) {
        return firstMatching(name, SEGMENT);
    }

    public Optional<Track> trackOfPod(String name) {
        return firstMatching(name, SEGMENT + POD_SUFFIX);
    }

    /** The track of a Deployment, ReplicaSet or Pod named like one of the release's; empty for other kinds. */
    public Optional<Track> trackOf(ObjectRef object) {
        return switch (object.kind()) {
            case "Deployment" -> trackOfDeployment(object.name());
            case "ReplicaSet" -> trackOfReplicaSet(object.name());
            case "Pod" -> trackOfPod(object.name());
            default -> Optional.empty();
        };
    }

    /** Whether an object of any kind is named after the workload (Coalmine's own objects, e.g. its state). */
    public boolean isNamedAfterWorkload(String name) {
        return name.equals(workload) || name.startsWith(workload + "-") || name.endsWith("-" + workload);
    }

    private Optional<Track> firstMatching(String name, String tail) {
        return MATCH_ORDER.stream()
                .filter(t -> Pattern.matches(Pattern.quote(t.workloadName(workload)) + tail, name))
                .findFirst();
    }
}
