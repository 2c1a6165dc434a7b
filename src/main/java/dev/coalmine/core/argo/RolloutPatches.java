package dev.coalmine.core.argo;

import dev.coalmine.core.engine.ObjectPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The merge patches one {@code kubectl argo rollouts} command sends, in its order: first the status patch (to the
 * status subresource); if the cluster answers 404 there (Rollouts before v0.10 had no status subresource), the
 * unified patch replaces the spec patch and goes to the object itself; then the spec patch.
 * See pkg/kubectl-argo-rollouts/cmd/promote/promote.go (PromoteRollout) and cmd/abort/abort.go (AbortRollout).
 *
 * @param command what the operator chose, as the plugin's command line says it ("promote --full")
 */
public record RolloutPatches(String command, Optional<String> status, Optional<String> spec,
        Optional<String> unified) {

    /** The patches sent on a cluster with the status subresource (every Argo Rollouts since v0.10). */
    public List<ObjectPatch> patches() {
        List<ObjectPatch> patches = new ArrayList<>();
        status.ifPresent(body -> patches.add(ObjectPatch.status(body)));
        spec.ifPresent(body -> patches.add(ObjectPatch.spec(body)));
        return patches;
    }

    /** The patch that replaces the spec patch when the status subresource is missing. */
    public Optional<ObjectPatch> withoutStatusSubresource() {
        return status.isPresent() ? unified.map(ObjectPatch::spec) : Optional.empty();
    }

    /** What the confirmation shows: each request, one a line. */
    public String preview(String name) {
        List<String> lines = new ArrayList<>();
        patches().forEach(p -> lines.add(p.describe("rollouts", name)));
        if (lines.isEmpty()) {
            lines.add("nothing to change: " + command + " has nothing to do on this Rollout now");
        }
        return String.join("\n", lines);
    }

    public boolean changesNothing() {
        return status.isEmpty() && spec.isEmpty();
    }
}
