package dev.coalmine.core.release;

import dev.coalmine.core.judge.AnalysisDecision;
import dev.coalmine.core.release.ReleaseAction.ApplyBaseline;
import dev.coalmine.core.release.ReleaseAction.ApplyCanary;
import dev.coalmine.core.release.ReleaseAction.ApplyVersionedConfig;
import dev.coalmine.core.release.ReleaseAction.DeleteBaseline;
import dev.coalmine.core.release.ReleaseAction.DeleteCanary;
import dev.coalmine.core.release.ReleaseAction.DeleteVersionedConfig;
import dev.coalmine.core.release.ReleaseAction.RollStable;
import dev.coalmine.core.release.ReleaseAction.RollbackStable;
import dev.coalmine.core.release.ReleasePhase.Failed;
import dev.coalmine.core.release.ReleasePhase.Failing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The release engine's brain: from what the cluster looks like and the stored state, the next state and the
 * actions that bring the cluster closer to the phase's goal. Level-triggered: an action is returned only while
 * the observation shows it is not done yet, so running it again after a crash repeats nothing finished.
 * The driver saves the returned state before it performs the actions.
 */
public final class ReleaseDecider {

    private ReleaseDecider() {
    }

    public static Step decide(Observation seen, ReleaseState state) {
        ReleasePhase phase = state.phase();
        if (phase.terminal()) {
            return new Step(state, List.of());
        }
        if (phase instanceof ReleasePhase.CanaryDeploying) {
            return deployCanary(seen, state);
        }
        if (phase.awaitingDecision()) {
            return judge(seen, state);
        }
        if (phase instanceof ReleasePhase.Promoting) {
            return promote(seen, state);
        }
        if (phase instanceof ReleasePhase.Finalising) {
            return cleanUp(seen, state, new ReleasePhase.Succeeded(), "release " + state.number() + " succeeded: "
                    + state.plan().deployment() + " runs the new version");
        }
        if (phase instanceof ReleasePhase.Rejecting) {
            return cleanUp(seen, state, new ReleasePhase.Rejected(), "release " + state.number()
                    + " rejected; stable was not changed");
        }
        return fail(seen, state, (Failing) phase);
    }

    private static Step deployCanary(Observation seen, ReleaseState state) {
        if (state.decision() != null && state.decision().verdict() == DecisionVerdict.REJECT) {
            return goTo(state, seen, new ReleasePhase.Rejecting(), Stage.WRAP_UP,
                    "rejected by " + state.decision().who() + " while the canary was deploying");
        }
        String problem = firstProblem(seen, state.number());
        if (problem != null) {
            return goTo(state, seen, new Failing(problem, false), Stage.WAIT_FOR_STEADY_STATE,
                    "failed: " + problem);
        }
        if (timedOut(seen, state)) {
            String reason = "the canary did not reach steady state within " + human(state.plan().steadyStateTimeout())
                    + " (" + describeReadiness(seen, state) + ")";
            return goTo(state, seen, new Failing(reason, false), Stage.WAIT_FOR_STEADY_STATE, "failed: " + reason);
        }
        String name = state.plan().deployment();
        Optional<String> held = stillBeingDeleted(seen, name);
        if (held.isPresent()) {
            // An earlier release's canary or baseline on its way out: its name is free only once it is gone.
            return new Step(saidOnce(state, seen, held.get()), List.of());
        }
        List<ReleaseAction> actions = new ArrayList<>();
        ReleaseState next = state;
        int n = state.number();
        if (seen.configCopiesPresent() < seen.configCopiesNeeded()) {
            actions.add(new ApplyVersionedConfig());
            next = next.withLog(seen.now(), Stage.APPLY, "creating versioned config copies for release " + n);
        }
        if (!seen.canary().isRelease(n)) {
            actions.add(new ApplyCanary());
            next = next.withLog(seen.now(), Stage.APPLY, "creating " + name + "-canary with "
                    + state.canaryReplicas() + " replica(s): " + whatIsNew(state.plan()));
        }
        if (state.plan().baseline() && !seen.baseline().isRelease(n)) {
            actions.add(new ApplyBaseline());
            next = next.withLog(seen.now(), Stage.APPLY, "creating " + name + "-baseline with "
                    + state.canaryReplicas() + " replica(s) of the stable version");
        }
        if (WeightedRelease.trackServices(seen, state).isPresent()) {
            actions.add(new ReleaseAction.ApplyTrackServices());
            next = next.withLog(seen.now(), Stage.APPLY, "applying the track Services of "
                    + state.plan().traffic().provider().word() + " routing");
        }
        if (!actions.isEmpty()) {
            return new Step(next, actions);
        }
        boolean ready = seen.canary().steady() && (!state.plan().baseline() || seen.baseline().steady());
        if (!ready) {
            return waiting(state, seen, "waiting for steady state: " + describeReadiness(seen, state));
        }
        ReleasePhase judging = state.plan().judge().isAutomatic()
                ? new ReleasePhase.Analysing() : new ReleasePhase.AwaitingJudgment();
        ReleaseState judged = judging instanceof ReleasePhase.Analysing
                ? state.withAnalysis(AnalysisState.start(seen.now())) : state;
        Step judgingStep = goTo(judged, seen, judging, Stage.WAIT_FOR_STEADY_STATE,
                "canary is ready (" + describeReadiness(seen, state) + "); " + (judging instanceof ReleasePhase.Analysing
                        ? "analysing" : WeightedRelease.applies(state) ? "stepping the weights"
                        : "waiting for promote or reject"));
        return WeightedRelease.applies(state) ? new Step(WeightedRelease.startLadder(judgingStep.next(), seen.now()),
                List.of(new ReleaseAction.SetWeights())) : judgingStep;
    }

    private static Step judge(Observation seen, ReleaseState state) {
        Decision decision = state.decision();
        if (decision == null) {
            Optional<Step> routing = WeightedRelease.holdWeights(seen, state).or(() -> WeightedRelease.climb(seen, state));
            if (routing.isPresent()) {
                return routing.get();
            }
            return needsHuman(state) ? goTo(state, seen, new ReleasePhase.AwaitingJudgment(), Stage.ANALYSIS,
                    "the automatic judge cannot decide: waiting for a person to promote or reject ("
                            + state.latestVerdict().map(RecordedVerdict::summary).orElse("no verdict") + ")")
                    : new Step(state, List.of());
        }
        String why = decision.reason() == null ? "" : " (" + decision.reason() + ")";
        if (decision.verdict() == DecisionVerdict.PROMOTE) {
            return goTo(state, seen, new ReleasePhase.Promoting(), Stage.APPLY, "promoted by " + decision.who() + why + "; "
                    + (seen.stable().recreate() ? "recreating " : "rolling ") + state.plan().deployment() + " to the new version");
        }
        return goTo(state, seen, new ReleasePhase.Rejecting(), Stage.WRAP_UP, "rejected by " + decision.who() + why);
    }

    /** The automatic analysis gave up deciding (too many inconclusive checks): a person decides from here. */
    private static boolean needsHuman(ReleaseState state) {
        return state.phase() instanceof ReleasePhase.Analysing && state.analysisIfAny()
                .filter(a -> a.decision() == AnalysisDecision.WAIT_FOR_HUMAN).isPresent();
    }

    private static final String STABLE_PAUSED = "stable is paused (kubectl rollout pause): ";

    private static Step promote(Observation seen, ReleaseState state) {
        WorkloadStatus stable = seen.stable();
        boolean rolled = stable.isRelease(state.number());
        if (stable.paused() && !(rolled && stable.steady())) {
            // Someone paused it: not Coalmine's to resume, and a template written now would not roll out.
            String name = state.plan().deployment();
            return waiting(state, seen, STABLE_PAUSED + "the " + (rolled ? "rolling update" : "promotion") + " of " + name
                    + " waits for kubectl rollout resume deployment/" + name
                    + (rolled ? "" : "; nothing is written meanwhile"));
        }
        if (state.lastLog(1).stream().anyMatch(l -> l.message().startsWith(STABLE_PAUSED))) {
            state = state.transitionTo(state.phase(), seen.now()); // resumed: the steady-state timeout counts from now
        }
        if (rolled && stable.hasProblem()) {
            String reason = "the primary rollout failed: " + stable.problem();
            return goTo(state, seen, new Failing(reason, true), Stage.WAIT_FOR_STEADY_STATE,
                    "failed: " + reason + "; rolling stable back");
        }
        if (timedOut(seen, state)) {
            String reason = "stable did not reach steady state within " + human(state.plan().steadyStateTimeout())
                    + " (" + stable.readiness() + ")";
            return goTo(state, seen, new Failing(reason, true), Stage.WAIT_FOR_STEADY_STATE,
                    "failed: " + reason + "; rolling stable back");
        }
        if (!rolled && seen.promotionConflict() != null) {
            return goTo(state, seen, new Failing(seen.promotionConflict(), false), Stage.APPLY,
                    "failed: " + seen.promotionConflict());
        }
        Optional<Step> holding = WeightedRelease.holdWeights(seen, state);
        if (holding.isPresent()) {
            return holding.get();
        }
        if (!rolled) {
            String update = stable.recreate() ? "recreating " + state.plan().deployment()
                    + " (its Recreate strategy replaces all pods at once)" : "rolling update of " + state.plan().deployment();
            return new Step(state.withLog(seen.now(), Stage.APPLY, update + ": " + whatIsNew(state.plan())),
                    List.of(new RollStable()));
        }
        if (!stable.steady()) {
            return waiting(state, seen, "waiting for steady state: stable " + stable.readiness() + ", "
                    + stable.updatedReplicas() + "/" + stable.desiredReplicas() + " updated");
        }
        Optional<Step> drain = WeightedRelease.drainToStable(seen, state, "stable is ready on the new version");
        if (drain.isPresent()) {
            return drain.get();
        }
        return goTo(state, seen, new ReleasePhase.Finalising(), Stage.WAIT_FOR_STEADY_STATE,
                "stable is ready on the new version (" + stable.readiness() + ")");
    }

    private static Step fail(Observation seen, ReleaseState state, Failing failing) {
        Optional<Step> drain = WeightedRelease.drainToStable(seen, state, "failed");
        if (drain.isPresent()) {
            return drain.get();
        }
        if (failing.rollbackStable()) {
            if (seen.stable().isRelease(state.number())) {
                return new Step(state.withLog(seen.now(), Stage.WRAP_UP, "rolling " + state.plan().deployment()
                        + " back to the version it had before release " + state.number()), List.of(new RollbackStable()));
            }
            if (!seen.stable().steady() && !timedOut(seen, state)) {
                return new Step(state, List.of());
            }
        }
        return cleanUp(seen, state, new Failed(failing.reason()), "release " + state.number() + " failed: "
                + failing.reason());
    }

    private static Step cleanUp(Observation seen, ReleaseState state, ReleasePhase done, String doneMessage) {
        Optional<Step> drain = WeightedRelease.drainToStable(seen, state, "wrapping up");
        if (drain.isPresent()) {
            return drain.get();
        }
        List<ReleaseAction> actions = new ArrayList<>();
        ReleaseState next = state;
        String name = state.plan().deployment();
        if (seen.canary().exists() && !seen.canary().isBeingDeleted()) {
            actions.add(new DeleteCanary());
            next = saidOnce(next, seen, "deleting " + name + "-canary");
        }
        if (seen.baseline().exists() && !seen.baseline().isBeingDeleted()) {
            actions.add(new DeleteBaseline());
            next = saidOnce(next, seen, "deleting " + name + "-baseline");
        }
        if (seen.configCopiesPresent() > 0) {
            actions.add(new DeleteVersionedConfig());
            next = saidOnce(next, seen, "deleting the versioned config copies of release " + state.number());
        }
        if (!actions.isEmpty()) {
            return new Step(next, actions);
        }
        Optional<String> held = stillBeingDeleted(seen, name);
        if (held.isPresent()) {
            return new Step(saidOnce(next, seen, held.get()), List.of());
        }
        Optional<Step> routing = WeightedRelease.tearDown(seen, state);
        if (routing.isPresent()) {
            return routing.get();
        }
        return goTo(state, seen, done, Stage.WRAP_UP, doneMessage + leftAlone(seen));
    }

    /** What a deletion under way waits for, e.g. another controller's finalizer on the canary. */
    private static Optional<String> stillBeingDeleted(Observation seen, String name) {
        return deletionUnderWay(name + "-canary", seen.canary())
                .or(() -> deletionUnderWay(name + "-baseline", seen.baseline()));
    }

    private static Optional<String> deletionUnderWay(String deployment, WorkloadStatus status) {
        if (!status.isBeingDeleted()) {
            return Optional.empty();
        }
        List<String> holders = status.deletionHeldBy();
        return Optional.of("waiting for " + deployment + " to be deleted"
                + (holders.isEmpty() ? "" : " (held by the finalizer " + String.join(", ", holders) + ")"));
    }

    /**
     * A wrap-up line, unless this phase said it already: a deletion that someone else's finalizer holds is asked for
     * again at every look until the object is gone, and the step log tells it once.
     */
    private static ReleaseState saidOnce(ReleaseState state, Observation seen, String message) {
        boolean said = state.log().stream().anyMatch(line -> !line.at().isBefore(state.phaseSince())
                && line.message().equals(message));
        return said ? state : state.withLog(seen.now(), Stage.WRAP_UP, message);
    }

    /** Nothing to do but wait; the progress line is written once per change, so waiting stays idempotent. */
    private static Step waiting(ReleaseState state, Observation seen, String progress) {
        boolean news = state.log().isEmpty() || !state.log().get(state.log().size() - 1).message().equals(progress);
        return new Step(news ? state.withLog(seen.now(), Stage.WAIT_FOR_STEADY_STATE, progress) : state, List.of());
    }

    static Step goTo(ReleaseState state, Observation seen, ReleasePhase next, Stage stage, String message) {
        boolean failing = next instanceof ReleasePhase.Failing || next instanceof ReleasePhase.Failed;
        return new Step(state.transitionTo(next, seen.now()).withLog(seen.now(), stage, message, failing), List.of());
    }

    /** Why a canary or baseline name is still taken when the release ends: somebody else's object is. */
    private static String leftAlone(Observation seen) {
        return Stream.of(seen.canary(), seen.baseline()).filter(WorkloadStatus::isNotOurs)
                .map(s -> "; left alone: " + s.problem()).collect(Collectors.joining());
    }

    private static boolean timedOut(Observation seen, ReleaseState state) {
        return Duration.between(state.phaseSince(), seen.now()).compareTo(state.plan().steadyStateTimeout()) > 0;
    }

    private static String firstProblem(Observation seen, int release) {
        if (seen.canary().isNotOurs() || seen.baseline().isNotOurs()) {
            return seen.canary().isNotOurs() ? seen.canary().problem() : seen.baseline().problem();
        }
        if (seen.canary().isRelease(release) && seen.canary().hasProblem()) {
            return "canary: " + seen.canary().problem();
        }
        return seen.baseline().isRelease(release) && seen.baseline().hasProblem()
                ? "baseline: " + seen.baseline().problem() : null;
    }

    private static String describeReadiness(Observation seen, ReleaseState state) {
        return "canary " + seen.canary().readiness()
                + (state.plan().baseline() ? ", baseline " + seen.baseline().readiness() : "");
    }

    private static String whatIsNew(ReleasePlan plan) {
        return plan.fromManifest() ? "the new manifest"
                : String.join(", ", plan.images().stream().map(ImageChange::toString).toList());
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase();
    }
}
