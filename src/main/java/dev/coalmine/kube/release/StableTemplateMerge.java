package dev.coalmine.kube.release;

import dev.coalmine.core.merge.MergeConflict;
import dev.coalmine.core.merge.MergeResult;
import dev.coalmine.core.merge.ThreeWayMerge;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * Promotion and rollback change only what the release changes, on top of the live stable: a three-way merge of
 * pod templates ({@link ThreeWayMerge}), so an env var or a limit someone set with kubectl while the release
 * waited survives both. The release's change is its template against stable's template at the start.
 */
final class StableTemplateMerge {
    private final KubernetesSerialization serialization;

    StableTemplateMerge(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** The template promotion rolls to, or the conflicts that forbid it ({@code released}: the release's template). */
    Merged promotion(StartSnapshot snapshot, PodTemplateSpec released, PodTemplateSpec live) {
        return merged(ThreeWayMerge.merge(tree(snapshot.stableTemplateBefore()), tree(released), tree(live)));
    }

    /**
     * The template a rollback puts back: the release's change undone on the live stable. Where someone changed
     * a value the release changed too, their value stays (it is the newer intention, and the rollback must not
     * leave stable on the release's version because of it).
     */
    PodTemplateSpec rollback(StartSnapshot snapshot, PodTemplateSpec released, PodTemplateSpec live) {
        return merged(ThreeWayMerge.merge(tree(released), tree(snapshot.stableTemplateBefore()), tree(live))).template();
    }

    private Merged merged(MergeResult result) {
        return new Merged(serialization.convertValue(result.merged(), PodTemplateSpec.class), result.conflicts());
    }

    private Object tree(PodTemplateSpec template) {
        return serialization.convertValue(template, Map.class);
    }

    /** A merged template; where {@code conflicts} is not empty it keeps the live values there. */
    record Merged(PodTemplateSpec template, List<MergeConflict> conflicts) {
        boolean clean() {
            return conflicts.isEmpty();
        }

        /**
         * The first conflict in words, e.g. "stable's container web image was changed to web:1-hotfix during the
         * release, which changes it from web:1 to web:2", and how many more there are.
         */
        String describe() {
            MergeConflict first = conflicts.get(0);
            String more = conflicts.size() == 1 ? "" : " (and " + (conflicts.size() - 1) + " more: "
                    + String.join(", ", conflicts.stream().skip(1).map(MergeConflict::where).toList()) + ")";
            return "stable's " + first.where() + " was " + changed(first.theirs()) + " during the release, which "
                    + "changes it from " + MergeConflict.show(first.base()) + " to " + MergeConflict.show(first.ours())
                    + more;
        }

        /** How to undo the first edit: set the value back to what the release started from. */
        String undo() {
            MergeConflict first = conflicts.get(0);
            return "set stable's " + first.where() + " back to " + MergeConflict.show(first.base());
        }

        private static String changed(Object value) {
            return value == null ? "removed" : "changed to " + MergeConflict.show(value);
        }
    }
}
