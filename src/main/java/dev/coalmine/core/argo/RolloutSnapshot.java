package dev.coalmine.core.argo;

import java.util.List;
import java.util.Optional;

/** Everything a Rollout view shows at one moment: the Rollout, its ReplicaSets with pods, its AnalysisRuns (newest first). */
public record RolloutSnapshot(ArgoRollout rollout, List<ReplicaSetView> replicaSets, List<AnalysisRun> analysisRuns) {
    public RolloutSnapshot {
        replicaSets = List.copyOf(replicaSets);
        analysisRuns = List.copyOf(analysisRuns);
    }

    public Optional<ReplicaSetView> withRole(ReplicaSetView.Role role) {
        return replicaSets.stream().filter(rs -> rs.role() == role).findFirst();
    }
}
