package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.RequestShare;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What a plan would do, without changing anything: the replica counts and the objects it would create
 * (versioned config copies, {@code <name>-canary}, {@code <name>-baseline}).
 */
public record ReleasePreview(ReleasePlan plan, int release, int stableReplicas, int canaryReplicas,
                             int baselineReplicas, List<HasMetadata> objects, String yaml) {
    public ReleasePreview {
        objects = List.copyOf(objects);
    }

    /** The share of requests the canary would get, and whether that is more than the size asked for. */
    public RequestShare requestShare() {
        return new RequestShare(stableReplicas, baselineReplicas, canaryReplicas, plan.size());
    }
}
