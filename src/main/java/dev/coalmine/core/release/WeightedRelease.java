package dev.coalmine.core.release;

import dev.coalmine.core.traffic.LadderMove;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The decider's part for weighted routing: the step the routing needs before anything else happens, if any. A new
 * weight is written into the state with its log line and applied by {@link ReleaseAction.SetWeights} after the save;
 * a weight recorded but not yet carried by the router (a kill in between) is applied again without a new line.
 */
final class WeightedRelease {
    private WeightedRelease() {
    }

    static boolean applies(ReleaseState state) {
        return state.plan().weighted();
    }

    /** The ladder as stored, or a planned one for a release that somehow has none. */
    static TrafficState traffic(ReleaseState state) {
        return state.trafficIfAny().orElseGet(() -> TrafficState.planned(List.of()));
    }

    /** While the canary deploys: its track Services are created next to it. */
    static Optional<ReleaseAction> trackServices(Observation seen, ReleaseState state) {
        return applies(state) && !seen.routing().servicesInSync()
                ? Optional.of(new ReleaseAction.ApplyTrackServices()) : Optional.empty();
    }

    /** The canary is ready: the ladder starts at its first weight. */
    static ReleaseState startLadder(ReleaseState state, Instant now) {
        TrafficPlan plan = state.plan().traffic();
        TrafficState first = traffic(state).firstStep(plan, now);
        return state.withTraffic(first).withLog(now, Stage.APPLY, stepLine(state, first));
    }

    /** While the weights must hold (judging, promoting): the router and the track Services are kept as recorded. */
    static Optional<Step> holdWeights(Observation seen, ReleaseState state) {
        if (!applies(state) || !traffic(state).started()) {
            return Optional.empty();
        }
        if (!seen.routing().servicesInSync()) {
            return Optional.of(new Step(state, List.of(new ReleaseAction.ApplyTrackServices())));
        }
        if (!seen.routing().carries(traffic(state).weight())) {
            return Optional.of(new Step(state, List.of(new ReleaseAction.SetWeights())));
        }
        return Optional.empty();
    }

    /**
     * Without a decision: a pause that ended moves on, and with a manual judge each step passes when its interval is
     * over (the ladder then waits at its last step for the person). With the automatic judge, passing checks move the
     * ladder ({@link AutomaticJudgment}); reaching the manual gate hands the release to a person.
     */
    static Optional<Step> climb(Observation seen, ReleaseState state) {
        if (!applies(state) || !traffic(state).started()) {
            return Optional.empty();
        }
        TrafficPlan plan = state.plan().traffic();
        TrafficState now = traffic(state);
        boolean person = !state.plan().judge().isAutomatic();
        if (now.atGate() && state.phase() instanceof ReleasePhase.Analysing) {
            return Optional.of(ReleaseDecider.goTo(state, seen, new ReleasePhase.AwaitingJudgment(), Stage.ANALYSIS,
                    "all " + plan.steps().size() + " steps passed; manual gate: waiting for a person to promote or reject"));
        }
        LadderMove move = now.paused() ? LadderMove.pauseEnded(plan, now, seen.now(), person)
                : person && LadderMove.intervalOver(plan, now, seen.now()) ? LadderMove.passed(plan, now, seen.now(), true)
                : null;
        return move == null || move.kind() == LadderMove.Kind.STAY ? Optional.empty()
                : Optional.of(moved(state, move, seen.now()));
    }

    /** The state after {@code move}, with its line; a new weight comes with the action that applies it. */
    static Step moved(ReleaseState state, LadderMove move, Instant now) {
        ReleaseState next = state.withTraffic(move.next()).withLog(now, Stage.ANALYSIS, moveLine(state, move));
        return new Step(next, move.kind() == LadderMove.Kind.NEXT_STEP
                ? List.of(new ReleaseAction.SetWeights()) : List.of());
    }

    /** Promotion is done (or the release ends): all requests go to stable before anything is removed. */
    static Optional<Step> drainToStable(Observation seen, ReleaseState state, String why) {
        if (!applies(state)) {
            return Optional.empty();
        }
        TrafficState now = traffic(state);
        if (!now.allOnStable()) {
            ReleaseState next = state.withTraffic(now.allToStable()).withLog(seen.now(), Stage.WRAP_UP,
                    why + ": routing 100 % of requests to stable");
            return Optional.of(new Step(next, List.of(new ReleaseAction.SetWeights())));
        }
        if (seen.routing().routingPresent() && seen.routing().appliedWeight() != 0) {
            return Optional.of(new Step(state, List.of(new ReleaseAction.SetWeights())));
        }
        return Optional.empty();
    }

    /** After canary and baseline are gone: the routing objects, then the track Services. */
    static Optional<Step> tearDown(Observation seen, ReleaseState state) {
        if (seen.routing().routingPresent()) {
            return Optional.of(new Step(state.withLog(seen.now(), Stage.WRAP_UP, "restoring the routing: "
                    + describeRouting(state)), List.of(new ReleaseAction.RestoreRouting())));
        }
        if (seen.routing().servicesPresent()) {
            return Optional.of(new Step(state.withLog(seen.now(), Stage.WRAP_UP, "deleting the track Services"),
                    List.of(new ReleaseAction.DeleteTrackServices())));
        }
        return Optional.empty();
    }

    private static String describeRouting(ReleaseState state) {
        List<String> objects = traffic(state).routing().stream().filter(r -> !"Service".equals(r.kind()))
                .map(r -> r.describe()).toList();
        return objects.isEmpty() ? "none recorded" : String.join(", ", objects);
    }

    private static String moveLine(ReleaseState state, LadderMove move) {
        TrafficPlan plan = state.plan().traffic();
        TrafficState s = move.next();
        return switch (move.kind()) {
            case NEXT_STEP -> stepLine(state, s);
            case PAUSED -> "step " + (s.step() + 1) + " passed at " + s.weight() + " %; " + plan.pauseAt(s.step())
                    .map(p -> p.duration() == null ? "paused until someone resumes (coalmine canary resume "
                            + state.plan().deployment() + ")" : "paused for " + p.describe().substring(6)).orElse("paused");
            case AT_GATE -> "all " + plan.steps().size() + " steps passed at " + s.weight()
                    + " %; waiting for a person to promote or reject";
            case PROMOTE -> "all " + plan.steps().size() + " steps passed";
            case STAY -> "";
        };
    }

    private static String stepLine(ReleaseState state, TrafficState s) {
        TrafficPlan plan = state.plan().traffic();
        int tracks = state.plan().baseline() ? 2 : 1;
        return "step " + (s.step() + 1) + " of " + plan.steps().size() + ": canary " + s.weight() + " %"
                + (tracks == 2 ? ", baseline " + s.weight() + " %" : "") + ", stable " + (100 - tracks * s.weight())
                + " % (" + plan.provider().word() + ")";
    }
}
