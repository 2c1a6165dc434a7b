package dev.coalmine.core.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * The ladder's pure moves. A step "passes" when its analysis check passes (automatic judge) or when its interval is
 * over (manual judge); then the ladder pauses if the step says so, goes to the next weight, or, after the last
 * step, promotes or waits at the gate for a person.
 */
public record LadderMove(TrafficState next, Kind kind) {

    public enum Kind {
        /** Nothing changes. */
        STAY,
        /** The next step's weight is recorded and must be applied. */
        NEXT_STEP,
        /** The step waits for its pause's duration or a person. */
        PAUSED,
        /** The last step passed; a person promotes. */
        AT_GATE,
        /** The last step passed; promote. */
        PROMOTE
    }

    /** The current step passed at {@code now}. */
    public static LadderMove passed(TrafficPlan plan, TrafficState state, Instant now, boolean personPromotes) {
        if (state.atGate()) {
            return new LadderMove(state, Kind.STAY);
        }
        if (state.paused()) {
            return pauseOver(plan, state, now) ? onward(plan, state, now, personPromotes)
                    : new LadderMove(state, Kind.STAY);
        }
        if (plan.pauseAt(state.step()).isPresent() && !state.resumed()) {
            return new LadderMove(state.pausedAt(now), Kind.PAUSED);
        }
        return onward(plan, state, now, personPromotes);
    }

    /** Time or a person ended the pause: the ladder goes on without another check. */
    public static LadderMove pauseEnded(TrafficPlan plan, TrafficState state, Instant now, boolean personPromotes) {
        return state.paused() && pauseOver(plan, state, now) ? onward(plan, state, now, personPromotes)
                : new LadderMove(state, Kind.STAY);
    }

    /** With a manual judge a step passes when its interval is over. */
    public static boolean intervalOver(TrafficPlan plan, TrafficState state, Instant now) {
        return !now.isBefore(state.stepSince().plus(plan.interval()));
    }

    private static boolean pauseOver(TrafficPlan plan, TrafficState state, Instant now) {
        if (state.resumed()) {
            return true;
        }
        Duration duration = plan.pauseAt(state.step()).map(PauseStep::duration).orElse(null);
        return duration != null && !now.isBefore(state.pausedSince().plus(duration));
    }

    private static LadderMove onward(TrafficPlan plan, TrafficState state, Instant now, boolean personPromotes) {
        if (state.step() < plan.lastStep()) {
            return new LadderMove(state.nextStep(plan, now), Kind.NEXT_STEP);
        }
        return personPromotes || plan.manualGate() ? new LadderMove(state.atTheGate(), Kind.AT_GATE)
                : new LadderMove(state, Kind.PROMOTE);
    }
}
