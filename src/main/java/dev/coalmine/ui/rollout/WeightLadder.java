package dev.coalmine.ui.rollout;

import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A weighted release's step ladder as the rollout view shows it: one rung per weight (done, current, to come) and
 * a last rung for promotion; empty for the replica ratio.
 */
public final class WeightLadder {
    private WeightLadder() {
    }

    public static List<PhaseStrip.Stage> of(ReleaseState release) {
        TrafficPlan plan = release.plan().traffic();
        if (!plan.weighted()) {
            return List.of();
        }
        Optional<TrafficState> state = release.trafficIfAny();
        int current = state.map(TrafficState::step).orElse(-1);
        ReleasePhase phase = release.phase();
        boolean succeeded = phase instanceof ReleasePhase.Succeeded || phase instanceof ReleasePhase.Finalising
                || phase instanceof ReleasePhase.Promoting;
        boolean stopped = phase.terminal() && !succeeded || phase instanceof ReleasePhase.Rejecting;
        List<PhaseStrip.Stage> rungs = new ArrayList<>();
        for (int k = 0; k < plan.steps().size(); k++) {
            PhaseStrip.Mark mark = succeeded || k < current ? PhaseStrip.Mark.DONE
                    : k == current ? (stopped ? PhaseStrip.Mark.FAILED : PhaseStrip.Mark.CURRENT) : PhaseStrip.Mark.TODO;
            String pause = plan.pauseAt(k).map(p -> " \u00b7 pause").orElse("");
            rungs.add(new PhaseStrip.Stage(plan.weightAt(k) + " %" + pause, mark));
        }
        PhaseStrip.Mark promote = phase instanceof ReleasePhase.Succeeded ? PhaseStrip.Mark.DONE
                : succeeded || state.map(TrafficState::atGate).orElse(false) ? PhaseStrip.Mark.CURRENT
                : stopped ? PhaseStrip.Mark.SKIPPED : PhaseStrip.Mark.TODO;
        rungs.add(new PhaseStrip.Stage(plan.manualGate() ? "promote (gate)" : "promote", promote));
        return rungs;
    }

    /** "Canary weight 10 % · step 2 of 4 · paused" (the live weight); empty for the replica ratio. */
    public static String describe(ReleaseState release) {
        TrafficPlan plan = release.plan().traffic();
        if (!plan.weighted()) {
            return "";
        }
        Optional<TrafficState> state = release.trafficIfAny().filter(TrafficState::started);
        if (state.isEmpty()) {
            return plan.provider().word() + ": no requests to the canary until it is ready; "
                    + plan.describeTimeToPromote();
        }
        TrafficState s = state.get();
        return plan.provider().word() + ": canary weight " + s.weight() + " % \u00b7 step " + (s.step() + 1) + " of "
                + plan.steps().size() + (s.paused() ? " \u00b7 paused" : "") + (s.atGate() ? " \u00b7 at the gate" : "")
                + (s.allOnStable() ? " \u00b7 all requests on stable" : "");
    }
}
