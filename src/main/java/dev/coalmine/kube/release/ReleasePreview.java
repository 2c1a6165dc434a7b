package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleasePlan;
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
}
