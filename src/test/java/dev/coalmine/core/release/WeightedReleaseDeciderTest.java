package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.core.release.ReleaseAction.ApplyTrackServices;
import dev.coalmine.core.release.ReleaseAction.DeleteCanary;
import dev.coalmine.core.release.ReleaseAction.DeleteTrackServices;
import dev.coalmine.core.release.ReleaseAction.RestoreRouting;
import dev.coalmine.core.release.ReleaseAction.RollStable;
import dev.coalmine.core.release.ReleaseAction.SetWeights;
import dev.coalmine.core.traffic.PauseStep;
import dev.coalmine.core.traffic.RoutingStatus;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decider with weighted routing: the ladder, holding weights, and the order of the wrap-up. */
@FastTest
class WeightedReleaseDeciderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int N = 3;
    private static final TrafficPlan LADDER = new TrafficPlan(TrafficProvider.GATEWAY_API, "web", List.of(5, 25, 50),
            Duration.ofSeconds(10), List.of(new PauseStep(25, null)), false, null);
    private final ReleasePlan manual = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=web:2")),
            CanarySize.count(1), false).withTraffic(LADDER);

    private static WorkloadStatus ready(Integer release) {
        return new WorkloadStatus(true, release, 2, 2, 2, 2, 2, 2, 2, List.of("x"), null);
    }

    private static RoutingStatus carrying(int weight) {
        return new RoutingStatus(true, true, true, weight);
    }

    private static Observation seen(long seconds, WorkloadStatus stable, WorkloadStatus canary, RoutingStatus routing) {
        return new Observation(T0.plusSeconds(seconds), stable, canary, WorkloadStatus.absent(), 0, 0, null, routing);
    }

    private ReleaseState at(ReleasePlan plan, ReleasePhase phase, TrafficState traffic) {
        ReleaseState s = ReleaseState.start(N, plan, 1, "{}", List.of(), T0).transitionTo(phase, T0);
        return s.withTraffic(traffic);
    }

    @Test
    void theTrackServicesComeWithTheCanaryAndTheLadderStartsWhenItIsReady() {
        ReleaseState start = ReleaseState.start(N, manual, 1, "{}", List.of(), T0).withTraffic(TrafficState.planned(List.of()));
        Step deploying = ReleaseDecider.decide(seen(1, ready(null), ready(N), new RoutingStatus(false, false, false, -1)),
                start);
        assertThat(deploying.actions()).containsExactly(new ApplyTrackServices());

        Step ready = ReleaseDecider.decide(seen(2, ready(null), ready(N), new RoutingStatus(true, true, false, -1)), start);
        assertThat(ready.next().phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(ready.next().traffic().weight()).as("recorded before it is applied").isEqualTo(5);
        assertThat(ready.actions()).containsExactly(new SetWeights());
        assertThat(ready.next().log().get(ready.next().log().size() - 1).message())
                .isEqualTo("step 1 of 3: canary 5 %, stable 95 % (gateway-api)");
    }

    @Test
    void aWeightRecordedButNotCarriedIsAppliedAgainWithoutANewStep() {
        ReleaseState atStep2 = at(manual, new ReleasePhase.AwaitingJudgment(),
                new TrafficState(1, 25, T0, null, false, false, List.of()));

        Step resumed = ReleaseDecider.decide(seen(3, ready(null), ready(N), carrying(5)), atStep2);

        assertThat(resumed.actions()).containsExactly(new SetWeights());
        assertThat(resumed.next()).isEqualTo(atStep2);
    }

    @Test
    void withAManualJudgeStepsPassByIntervalPausesWaitForAPersonAndTheLastStepWaitsForPromote() {
        ReleaseState first = at(manual, new ReleasePhase.AwaitingJudgment(), TrafficState.first(LADDER, T0, List.of()));
        assertThat(ReleaseDecider.decide(seen(9, ready(null), ready(N), carrying(5)), first).next()).isEqualTo(first);

        Step second = ReleaseDecider.decide(seen(10, ready(null), ready(N), carrying(5)), first);
        assertThat(second.next().traffic().weight()).isEqualTo(25);
        assertThat(second.actions()).containsExactly(new SetWeights());

        Step paused = ReleaseDecider.decide(seen(20, ready(null), ready(N), carrying(25)), second.next());
        assertThat(paused.next().traffic().paused()).isTrue();
        assertThat(ReleaseDecider.decide(seen(500, ready(null), ready(N), carrying(25)), paused.next()).next())
                .as("a pause without a duration waits for a person").isEqualTo(paused.next());

        ReleaseState resumedByPerson = paused.next().withTraffic(paused.next().traffic().resumedByPerson());
        Step last = ReleaseDecider.decide(seen(30, ready(null), ready(N), carrying(25)), resumedByPerson);
        assertThat(last.next().traffic().weight()).isEqualTo(50);

        Step gate = ReleaseDecider.decide(seen(40, ready(null), ready(N), carrying(50)), last.next());
        assertThat(gate.next().traffic().atGate()).isTrue();
        assertThat(gate.next().phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
    }

    @Test
    void theAutomaticJudgeClimbsOnPassesHoldsOnFailsAndInconclusiveAndPromotesAfterTheLastStep() {
        JudgeSettings settings = JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(Duration.ofSeconds(10));
        TrafficPlan noPause = new TrafficPlan(TrafficProvider.ISTIO, "web", List.of(10, 20), null, List.of(), false, null);
        ReleasePlan auto = manual.withJudge(JudgeSpec.automatic(settings)).withTraffic(noPause);
        ReleaseState analysing = at(auto, new ReleasePhase.Analysing(), TrafficState.first(auto.traffic(), T0, List.of()))
                .withAnalysis(AnalysisState.start(T0));
        AnalysisPolicy policy = settings.analysis();

        ReleaseState failed = AutomaticJudgment.record(analysing, Verdict.fail("5xx"), null, policy,
                T0.plusSeconds(10));
        assertThat(failed.traffic().weight()).as("a fail holds the weight").isEqualTo(10);
        ReleaseState unsure = AutomaticJudgment.record(failed, Verdict.inconclusive("too few requests"), null, policy,
                T0.plusSeconds(15));
        assertThat(unsure.traffic().weight()).as("inconclusive holds the weight").isEqualTo(10);
        assertThat(unsure.decision()).as("and decides nothing").isNull();
        ReleaseState climbed = AutomaticJudgment.record(unsure, Verdict.pass(), null, policy, T0.plusSeconds(20));
        assertThat(climbed.traffic().weight()).isEqualTo(20);
        ReleaseState promoted = AutomaticJudgment.record(climbed, Verdict.pass(), null, policy, T0.plusSeconds(30));
        assertThat(promoted.decision().verdict()).isEqualTo(DecisionVerdict.PROMOTE);
        assertThat(promoted.decision().reason()).isEqualTo("all 2 steps passed, the last at 20 %");
    }

    @Test
    void promotionKeepsTheWeightsWhileStableRollsAndRoutesAllToStableOnlyWhenItIsReady() {
        ReleaseState promoting = at(manual, new ReleasePhase.Promoting(), new TrafficState(2, 50, T0, null, false, true,
                List.of()));
        assertThat(ReleaseDecider.decide(seen(1, ready(null), ready(N), carrying(50)), promoting).actions())
                .containsExactly(new RollStable());
        WorkloadStatus rolling = new WorkloadStatus(true, N, 2, 3, 1, 2, 2, 3, 3, List.of("x"), null);
        assertThat(ReleaseDecider.decide(seen(2, rolling, ready(N), new RoutingStatus(true, false, true, 50)), promoting)
                .actions()).as("stable's new ReplicaSet: re-pin the stable track Service").containsExactly(
                new ApplyTrackServices());

        Step drained = ReleaseDecider.decide(seen(3, ready(N), ready(N), carrying(50)), promoting);
        assertThat(drained.next().traffic().weight()).isZero();
        assertThat(drained.actions()).containsExactly(new SetWeights());
        assertThat(drained.next().phase()).isEqualTo(new ReleasePhase.Promoting());
    }

    @Test
    void theWrapUpRoutesAllToStableThenRemovesTheCanaryThenRestoresRoutingThenDeletesTheTrackServices() {
        ReleaseState rejecting = at(manual, new ReleasePhase.Rejecting(), new TrafficState(1, 25, T0, null, false, false,
                List.of()));
        Step first = ReleaseDecider.decide(seen(1, ready(null), ready(N), carrying(25)), rejecting);
        assertThat(first.actions()).containsExactly(new SetWeights());
        assertThat(first.next().traffic().weight()).isZero();

        ReleaseState drained = first.next();
        assertThat(ReleaseDecider.decide(seen(2, ready(null), ready(N), carrying(25)), drained).actions())
                .as("the canary stays until the router carries 0").containsExactly(new SetWeights());
        assertThat(ReleaseDecider.decide(seen(3, ready(null), ready(N), carrying(0)), drained).actions())
                .containsExactly(new DeleteCanary());
        assertThat(ReleaseDecider.decide(seen(4, ready(null), WorkloadStatus.absent(), carrying(0)), drained).actions())
                .containsExactly(new RestoreRouting());
        assertThat(ReleaseDecider.decide(seen(5, ready(null), WorkloadStatus.absent(),
                new RoutingStatus(true, true, false, -1)), drained).actions()).containsExactly(new DeleteTrackServices());
        Step done = ReleaseDecider.decide(seen(6, ready(null), WorkloadStatus.absent(), RoutingStatus.none()), drained);
        assertThat(done.next().phase()).isEqualTo(new ReleasePhase.Rejected());
    }
}
