package dev.coalmine.core.merge;

import java.util.List;

/** The merged tree, and where both sides changed the same value differently (there the tree keeps theirs). */
public record MergeResult(Object merged, List<MergeConflict> conflicts) {

    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }
}
