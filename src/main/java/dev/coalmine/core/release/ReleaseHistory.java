package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * All releases of one workload, oldest first; the last one is the current one.
 *
 * @param notKept how many older releases were dropped to keep the history within its limits
 */
public record ReleaseHistory(List<ReleaseState> releases, int notKept) {

    static final int MAX_KEPT = 30;
    /** Finished releases older than the last few keep only a short log. */
    static final int KEPT_IN_FULL = 5;
    static final int COMPACT_LOG_LINES = 20;

    public ReleaseHistory {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    public ReleaseHistory(List<ReleaseState> releases) {
        this(releases, 0);
    }

    public static ReleaseHistory empty() {
        return new ReleaseHistory(List.of());
    }

    public Optional<ReleaseState> current() {
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
    }

    /** The current release if it is not finished yet. */
    public Optional<ReleaseState> unfinished() {
        return current().filter(r -> !r.finished());
    }

    /** Release numbers only grow, even when old entries are dropped. */
    public int nextNumber() {
        return current().map(r -> r.number() + 1).orElse(1);
    }

    /** Throws "refused: release N is in phase X" while the current release is unfinished. */
    public void refuseIfUnfinished() {
        unfinished().ifPresent(r -> {
            throw new CoalmineException("refused: release " + r.number() + " is in phase " + r.phase().label()
                    + "; promote or reject it first (coalmine canary status " + r.plan().deployment() + ")");
        });
    }

    /** Appends a new release; refused while another one is unfinished. */
    public ReleaseHistory begin(ReleaseState release) {
        refuseIfUnfinished();
        List<ReleaseState> all = new ArrayList<>(releases);
        all.add(release);
        int dropped = Math.max(0, all.size() - MAX_KEPT);
        all = all.subList(dropped, all.size());
        for (int i = 0; i < all.size() - KEPT_IN_FULL; i++) {
            all.set(i, all.get(i).compacted(COMPACT_LOG_LINES));
        }
        return new ReleaseHistory(all, notKept + dropped);
    }

    /** Without the oldest release, counted as not kept; used when even the compact records outgrow the ConfigMap. */
    public ReleaseHistory withoutOldest() {
        return releases.size() <= 1 ? this : new ReleaseHistory(releases.subList(1, releases.size()), notKept + 1);
    }

    /** The finished, not yet trimmed releases before the current one, oldest first: whose bodies may move out. */
    public List<ReleaseState> trimmable() {
        return releases.subList(0, Math.max(0, releases.size() - 1)).stream()
                .filter(r -> r.finished() && r.trimmedIfAny().isEmpty()).toList();
    }

    /** With release {@code number} (finished) trimmed to {@code where}. */
    public ReleaseHistory withTrimmed(int number, TrimmedBody where) {
        return new ReleaseHistory(releases.stream().map(r -> r.number() == number ? r.trimmedTo(where) : r).toList(),
                notKept);
    }

    /** Replaces the current release with what {@code change} makes of it. */
    public ReleaseHistory updateCurrent(UnaryOperator<ReleaseState> change) {
        ReleaseState now = current().orElseThrow(() -> new CoalmineException("there is no release to change"));
        List<ReleaseState> all = new ArrayList<>(releases);
        all.set(all.size() - 1, change.apply(now));
        return new ReleaseHistory(all, notKept);
    }
}
