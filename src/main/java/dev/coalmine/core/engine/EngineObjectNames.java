package dev.coalmine.core.engine;

import dev.coalmine.core.feed.ObjectRef;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which objects' Events belong to an Argo Rollout's or a Flagger Canary's story, by the names their controllers give
 * them: a Rollout's ReplicaSets, pods and AnalysisRuns are named {@code <rollout>-…}; Flagger's are the target
 * Deployment's and {@code <target>-primary}'s ReplicaSets and pods.
 */
public final class EngineObjectNames {
    private static final Set<String> ROLLOUT_CHILDREN = Set.of("ReplicaSet", "Pod", "AnalysisRun", "Experiment");
    private static final Set<String> DEPLOYMENT_CHILDREN = Set.of("ReplicaSet", "Pod");

    private EngineObjectNames() {
    }

    public static Predicate<ObjectRef> ofRollout(String rollout) {
        return ref -> ref.kind().equals("Rollout") && ref.name().equals(rollout)
                || ROLLOUT_CHILDREN.contains(ref.kind()) && ref.name().startsWith(rollout + "-");
    }

    public static Predicate<ObjectRef> ofCanary(String canary, String target) {
        return ref -> ref.kind().equals("Canary") && ref.name().equals(canary)
                || ref.kind().equals("Deployment") && (ref.name().equals(target) || ref.name().equals(target + "-primary"))
                || DEPLOYMENT_CHILDREN.contains(ref.kind()) && ref.name().startsWith(target + "-");
    }
}
