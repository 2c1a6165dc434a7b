package dev.coalmine.core.traffic;

import java.time.Instant;
import java.util.List;

/**
 * Where a weighted release is on its ladder, stored with the release. A new weight is written here before the
 * router is changed, so a process started after a kill sets the recorded weight and continues from that step.
 *
 * @param step        the current step's index into the plan's steps
 * @param weight      the canary's (and baseline's) weight in percent the router must carry; 0 once all goes to stable
 * @param stepSince   when the current step began
 * @param pausedSince when the current step's pause began (its analysis passed), or null while not paused
 * @param resumed     a person resumed the current pause
 * @param atGate      the last step passed and a person must promote (manual gate or manual judge)
 * @param routing     the routing objects created or changed, recorded before they were written
 */
public record TrafficState(int step, int weight, Instant stepSince, Instant pausedSince, boolean resumed,
                           boolean atGate, List<RoutingRecord> routing) {

    public TrafficState {
        routing = routing == null ? List.of() : List.copyOf(routing);
    }

    /** The first step, with the routing objects the release will write. */
    public static TrafficState first(TrafficPlan plan, Instant now, List<RoutingRecord> routing) {
        return planned(routing).firstStep(plan, now);
    }

    /** Before the canary is ready: the routing objects are recorded, no request goes to the canary yet. */
    public static TrafficState planned(List<RoutingRecord> routing) {
        return new TrafficState(-1, 0, null, null, false, false, routing);
    }

    /** The ladder has begun: the canary is ready and had its first weight. */
    public boolean started() {
        return step >= 0;
    }

    public TrafficState firstStep(TrafficPlan plan, Instant now) {
        return new TrafficState(0, plan.weightAt(0), now, null, false, false, routing);
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** The step after this one, its weight set and its clock started. */
    TrafficState nextStep(TrafficPlan plan, Instant now) {
        return new TrafficState(step + 1, plan.weightAt(step + 1), now, null, false, false, routing);
    }

    TrafficState pausedAt(Instant now) {
        return new TrafficState(step, weight, stepSince, now, false, false, routing);
    }

    TrafficState atTheGate() {
        return new TrafficState(step, weight, stepSince, null, false, true, routing);
    }

    /** A person let the paused ladder go on. */
    public TrafficState resumedByPerson() {
        return new TrafficState(step, weight, stepSince, pausedSince, true, atGate, routing);
    }

    /** All requests to stable (promotion done, rejection, failure): the ladder stays where it was. */
    public TrafficState allToStable() {
        return new TrafficState(step, 0, stepSince, null, false, atGate, routing);
    }

    public boolean allOnStable() {
        return weight == 0;
    }
}
