package dev.coalmine.core.release;

import java.util.List;

/**
 * Which step-log lines of the current release a follower has not seen yet. The stored log is capped (past
 * {@link ReleaseState#MAX_LOG_LINES} the oldest lines drop, so its length stops growing) and a finished release may
 * keep only its last lines, so the length of the log says nothing about what is new: the cursor remembers the last
 * line it handed out and hands out what follows it. A new release starts from its first line.
 */
public final class StepLogCursor {
    private int release = -1;
    private StepLogEntry last;

    /** The lines of {@code state}'s log after the last one handed out, oldest first; none twice. */
    public List<StepLogEntry> next(ReleaseState state) {
        List<StepLogEntry> log = state.log();
        if (state.number() != release) {
            release = state.number();
            last = null;
        }
        List<StepLogEntry> fresh = log.subList(firstUnseen(log), log.size());
        if (!fresh.isEmpty()) {
            last = fresh.get(fresh.size() - 1);
        }
        return List.copyOf(fresh);
    }

    private int firstUnseen(List<StepLogEntry> log) {
        if (last == null) {
            return 0;
        }
        int seen = log.lastIndexOf(last);
        if (seen >= 0) {
            return seen + 1;
        }
        // The last line handed out dropped off the front, and every line before it with it: what is left came later.
        // (Lines older than it, should the log ever be rewritten otherwise, were handed out already.)
        int first = 0;
        while (first < log.size() && log.get(first).at().isBefore(last.at())) {
            first++;
        }
        return first;
    }
}
