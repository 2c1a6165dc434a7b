package dev.coalmine.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {
    private static TrafficPlan ladder(List<Integer> steps, List<PauseStep> pauses, boolean gate) {
        return new TrafficPlan(TrafficProvider.ISTIO, null, steps, Duration.ofSeconds(30), pauses, gate, null);
    }

    @Test
    void flaggersStepWeightAndMaxWeightMakeTheLadderAndMaxWeightIsAlwaysTheLastStep() {
        assertThat(TrafficPlan.ladder(10, 50)).containsExactly(10, 20, 30, 40, 50);
        assertThat(TrafficPlan.ladder(20, 50)).containsExactly(20, 40, 50);
        assertThat(TrafficPlan.ladder(50, 50)).containsExactly(50);
        assertThatThrownBy(() -> TrafficPlan.ladder(60, 50)).hasMessageContaining("above --max-weight 50");
        assertThatThrownBy(() -> TrafficPlan.ladder(0, 50)).hasMessageContaining("from 1 to 100");
    }

    @Test
    void minimumTimeToPromoteIsIntervalTimesStepsAndRollbackIsIntervalTimesFailedCheckLimit() {
        TrafficPlan plan = ladder(List.of(5, 10, 25, 50), List.of(), false);

        assertThat(plan.minimumTimeToPromote()).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.timeToRollBack(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.describeTimeToPromote()).isEqualTo("minimum time to promote 2m (4 step(s) × 30s)");
    }

    @Test
    void timedPausesAddToTheMinimumTimeAndPausesForAPersonAreSaid() {
        TrafficPlan plan = ladder(List.of(5, 10, 25, 50), List.of(new PauseStep(10, Duration.ofMinutes(5)),
                new PauseStep(25, null)), true);

        assertThat(plan.minimumTimeToPromote()).isEqualTo(Duration.ofMinutes(7));
        assertThat(plan.describeLadder()).isEqualTo("5 % → 10 % (pause 5m) → 25 % (pause until resumed) → 50 % → "
                + "promote by a person (manual gate)");
        assertThat(plan.describeTimeToPromote()).endsWith("plus the time people take to resume");
    }

    @Test
    void badLaddersAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ladder(List.of(), List.of(), false)).hasMessageContaining("--steps 5,10,25,50");
        assertThatThrownBy(() -> ladder(List.of(10, 5), List.of(), false)).hasMessage(
                "step weights must rise from step to step, got 10 then 5");
        assertThatThrownBy(() -> ladder(List.of(5, 101), List.of(), false)).hasMessageContaining("from 1 to 100, got 101");
        assertThatThrownBy(() -> ladder(List.of(5, 10), List.of(new PauseStep(20, null)), false))
                .hasMessageContaining("--pause-at 20 is not one of the steps [5, 10]");
        assertThatThrownBy(() -> new TrafficPlan(TrafficProvider.SMI, null, List.of(5), null, List.of(), false,
                new HeaderMatch("x-canary", "always"))).hasMessageContaining("smi splits by weight only");
    }

    @Test
    void aBaselineTakesItsOwnWeightSoStepsAbove50AreRefusedWithOne() {
        TrafficPlan plan = ladder(List.of(20, 60), List.of(), false);

        assertThatThrownBy(() -> plan.validateWithBaseline(true)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("no step may be above 50 % (the last is 60)").hasMessageContaining("--no-baseline");
        plan.validateWithBaseline(false);
        TrafficPlan nginx = new TrafficPlan(TrafficProvider.NGINX, null, List.of(10), null, List.of(), false, null);
        assertThatThrownBy(() -> nginx.validateWithBaseline(true)).hasMessageContaining("add --no-baseline");
    }

    @Test
    void ladderOptionsWithoutAWeightedProviderAreRefused() {
        assertThatThrownBy(() -> new TrafficPlan(TrafficProvider.REPLICAS, null, List.of(5, 10), null, List.of(), true,
                null)).hasMessage("--steps/--step-weight, --manual-gate need a weighted --traffic provider (gateway-api, "
                + "istio, smi or nginx); with --traffic replicas the canary's share of requests is its share of pods");
        assertThat(TrafficPlan.replicas().weighted()).isFalse();
    }

    @Test
    void commandLineTextIsParsed() {
        assertThat(TrafficPlan.parseSteps("5, 10,25,50")).containsExactly(5, 10, 25, 50);
        assertThatThrownBy(() -> TrafficPlan.parseSteps("5,,10")).hasMessageContaining("not a list of weights");
        assertThat(PauseStep.parse("25:10m")).isEqualTo(new PauseStep(25, Duration.ofMinutes(10)));
        assertThat(PauseStep.parse("25")).isEqualTo(new PauseStep(25, null));
        assertThatThrownBy(() -> PauseStep.parse("x:1m")).hasMessageContaining("WEIGHT[:DURATION]");
        assertThat(HeaderMatch.parse("x-canary=always")).isEqualTo(new HeaderMatch("x-canary", "always"));
        assertThatThrownBy(() -> HeaderMatch.parse("x canary=1")).hasMessageContaining("is not a header name");
        assertThatThrownBy(() -> HeaderMatch.parse("novalue")).hasMessageContaining("NAME=VALUE");
        assertThat(TrafficProvider.parse("gateway-api")).isEqualTo(TrafficProvider.GATEWAY_API);
        assertThatThrownBy(() -> TrafficProvider.parse("linkerd")).hasMessage(
                "unknown traffic provider 'linkerd': choose one of replicas, gateway-api, istio, smi, nginx");
    }
}
