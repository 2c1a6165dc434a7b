package dev.coalmine.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.LadderMove.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderMoveTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private final TrafficPlan plan = new TrafficPlan(TrafficProvider.GATEWAY_API, null, List.of(5, 25, 50),
            Duration.ofSeconds(10), List.of(new PauseStep(25, Duration.ofMinutes(1))), false, null);

    @Test
    void eachPassMovesToTheNextWeightAndTheLastPassPromotes() {
        TrafficState s = TrafficState.first(plan, T0, List.of());
        assertThat(s.weight()).isEqualTo(5);

        LadderMove second = LadderMove.passed(plan, s, T0.plusSeconds(10), false);
        assertThat(second.kind()).isEqualTo(Kind.NEXT_STEP);
        assertThat(second.next().weight()).isEqualTo(25);
        assertThat(second.next().stepSince()).isEqualTo(T0.plusSeconds(10));

        LadderMove paused = LadderMove.passed(plan, second.next(), T0.plusSeconds(20), false);
        assertThat(paused.kind()).isEqualTo(Kind.PAUSED);
        assertThat(LadderMove.pauseEnded(plan, paused.next(), T0.plusSeconds(79), false).kind()).isEqualTo(Kind.STAY);
        LadderMove last = LadderMove.pauseEnded(plan, paused.next(), T0.plusSeconds(80), false);
        assertThat(last.kind()).isEqualTo(Kind.NEXT_STEP);
        assertThat(last.next().weight()).isEqualTo(50);

        assertThat(LadderMove.passed(plan, last.next(), T0.plusSeconds(90), false).kind()).isEqualTo(Kind.PROMOTE);
    }

    @Test
    void aPersonEndsAPauseAndPromotesAtTheGate() {
        TrafficState at25 = new TrafficState(1, 25, T0, T0.plusSeconds(5), false, false, List.of());
        assertThat(LadderMove.passed(plan, at25, T0.plusSeconds(20), false).kind()).as("a check while paused")
                .isEqualTo(Kind.STAY);
        assertThat(LadderMove.pauseEnded(plan, at25.resumedByPerson(), T0.plusSeconds(6), false).next().weight())
                .isEqualTo(50);

        TrafficState at50 = new TrafficState(2, 50, T0, null, false, false, List.of());
        LadderMove gate = LadderMove.passed(plan, at50, T0.plusSeconds(10), true);
        assertThat(gate.kind()).isEqualTo(Kind.AT_GATE);
        assertThat(LadderMove.passed(plan, gate.next(), T0.plusSeconds(20), true).kind()).isEqualTo(Kind.STAY);
    }

    @Test
    void withAManualJudgeAStepPassesWhenItsIntervalIsOver() {
        TrafficState s = TrafficState.first(plan, T0, List.of());
        assertThat(LadderMove.intervalOver(plan, s, T0.plusSeconds(9))).isFalse();
        assertThat(LadderMove.intervalOver(plan, s, T0.plusSeconds(10))).isTrue();
    }
}
