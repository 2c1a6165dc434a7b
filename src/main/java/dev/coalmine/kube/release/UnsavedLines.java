package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Log lines a drive decided but did not save on their own, on top of the state as saved: the lines of steps that
 * act within a phase, and the latest "waiting for …" line (replaced by the next one). They go out with the next
 * save; once the saved state changes otherwise (another process saved), they belong to a state that is gone and are
 * dropped.
 */
final class UnsavedLines {
    private ReleaseState basis;
    private List<StepLogEntry> lines = List.of();
    private boolean endsWithProgress;

    /** {@code stored} with the unsaved lines, or {@code stored} itself when it is not the state they were added to. */
    ReleaseState on(ReleaseState stored) {
        if (basis == null || !basis.equals(stored)) {
            return stored;
        }
        return withLines(stored, lines);
    }

    /** {@code next} is {@code state} (= {@link #on} {@code stored}) with one more progress line, which replaces ours. */
    void progress(ReleaseState stored, ReleaseState state, ReleaseState next) {
        List<StepLogEntry> kept = new ArrayList<>(current(stored));
        if (endsWithProgress && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        kept.addAll(added(state, next));
        remember(stored, kept, true);
    }

    /** {@code next} is {@code state} (= {@link #on} {@code stored}) with the lines of a step that acts. */
    void lines(ReleaseState stored, ReleaseState state, ReleaseState next) {
        List<StepLogEntry> kept = new ArrayList<>(current(stored));
        kept.addAll(added(state, next));
        remember(stored, kept, false);
    }

    void clear() {
        basis = null;
        lines = List.of();
        endsWithProgress = false;
    }

    /** Whether {@code next} differs from {@code state} only by lines added to its log. */
    static boolean onlyLines(ReleaseState state, ReleaseState next) {
        List<StepLogEntry> added = added(state, next);
        return !added.isEmpty() && withLines(state, added).equals(next);
    }

    private List<StepLogEntry> current(ReleaseState stored) {
        return basis != null && basis.equals(stored) ? lines : List.of();
    }

    private void remember(ReleaseState stored, List<StepLogEntry> kept, boolean progress) {
        basis = stored;
        lines = List.copyOf(kept);
        endsWithProgress = progress;
    }

    /** The lines {@code after} has beyond the last line of {@code before}. */
    static List<StepLogEntry> added(ReleaseState before, ReleaseState after) {
        if (before.log().isEmpty()) {
            return after.log();
        }
        int last = after.log().lastIndexOf(before.log().get(before.log().size() - 1));
        return last < 0 ? List.of() : after.log().subList(last + 1, after.log().size());
    }

    private static ReleaseState withLines(ReleaseState state, List<StepLogEntry> lines) {
        ReleaseState with = state;
        for (StepLogEntry line : lines) {
            with = with.withLog(line.at(), line.stage(), line.message(), line.warning());
        }
        return with;
    }
}
