package dev.coalmine.core.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay of a script from {@code start}: which steps are due at a moment (each exactly once, in order, however
 * late the tick), and where each step stands for the timeline. Time is passed in, so a replay is the same every time.
 */
public final class ScriptRun {
    /** Where a step stands in the replay. */
    public enum Mark { DONE, NEXT, LATER }

    private final TrainerScript script;
    private final Instant start;
    private int done;

    public ScriptRun(TrainerScript script, Instant start) {
        this.script = script;
        this.start = start;
    }

    /** The steps whose time has come since the last call, in order; each is returned once. */
    public List<ScriptStep> due(Instant now) {
        Duration elapsed = elapsed(now);
        List<ScriptStep> due = new ArrayList<>();
        while (done < script.steps().size() && script.steps().get(done).at().compareTo(elapsed) <= 0) {
            due.add(script.steps().get(done++));
        }
        return due;
    }

    public Duration elapsed(Instant now) {
        Duration elapsed = Duration.between(start, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** The mark of step {@code index}: done once returned by {@link #due}, the first not done is next. */
    public Mark mark(int index) {
        return index < done ? Mark.DONE : index == done ? Mark.NEXT : Mark.LATER;
    }

    public boolean finished() {
        return done == script.steps().size();
    }

    public TrainerScript script() {
        return script;
    }
}
