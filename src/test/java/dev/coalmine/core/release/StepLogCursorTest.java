package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A follower of the step log gets every line once, also once the capped log stops growing and after the release ends. */
@FastTest
class StepLogCursorTest {
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final ReleasePlan PLAN = ReleasePlan.ofImages("shop", "web",
            List.of(ImageChange.parse("web=web:2")), CanarySize.count(1), true);

    private final StepLogCursor cursor = new StepLogCursor();
    private final List<String> handedOut = new ArrayList<>();

    @Test
    void linesKeepComingOnceTheLogIsAtItsCap() {
        ReleaseState state = ReleaseState.start(1, PLAN, 1, "{}", List.of("planned"), T0);
        follow(state);
        for (int i = 1; i <= ReleaseState.MAX_LOG_LINES + 200; i++) {
            state = state.withLog(T0.plusSeconds(i), Stage.ANALYSIS, "check " + i);
            if (i % 7 == 0) {
                follow(state); // snapshots come now and then, several lines at a time
            }
        }
        follow(state);

        assertThat(state.log()).hasSize(ReleaseState.MAX_LOG_LINES);
        assertThat(handedOut).hasSize(1 + ReleaseState.MAX_LOG_LINES + 200).doesNotHaveDuplicates()
                .endsWith("check " + (ReleaseState.MAX_LOG_LINES + 199), "check " + (ReleaseState.MAX_LOG_LINES + 200));
    }

    @Test
    void aLogThatOutranTheCapBetweenTwoSnapshotsHandsOutWhatIsLeft() {
        ReleaseState state = ReleaseState.start(1, PLAN, 1, "{}", List.of("planned"), T0);
        follow(state);
        for (int i = 1; i <= ReleaseState.MAX_LOG_LINES + 10; i++) {
            state = state.withLog(T0.plusSeconds(i), Stage.ANALYSIS, "check " + i);
        }
        follow(state);

        assertThat(handedOut).hasSize(1 + ReleaseState.MAX_LOG_LINES).startsWith("planned", "check 11");
    }

    @Test
    void theEndOfAReleaseAndItsCompactionRepeatNothing() {
        ReleaseState state = ReleaseState.start(1, PLAN, 1, "{}", List.of("planned", "canary web-canary"), T0);
        follow(state);
        state = state.withLog(T0.plusSeconds(5), Stage.WRAP_UP, "promoted by alice")
                .transitionTo(new ReleasePhase.Succeeded(), T0.plusSeconds(6));
        follow(state);
        follow(state);
        follow(state.compacted(1));

        assertThat(handedOut).containsExactly("planned", "canary web-canary", "promoted by alice");
    }

    @Test
    void aNewReleaseStartsFromItsFirstLineEvenWithTheSameLines() {
        follow(ReleaseState.start(1, PLAN, 1, "{}", List.of("planned"), T0));
        follow(ReleaseState.start(2, PLAN, 1, "{}", List.of("planned"), T0));

        assertThat(handedOut).containsExactly("planned", "planned");
    }

    private void follow(ReleaseState state) {
        cursor.next(state).forEach(entry -> handedOut.add(entry.message()));
    }
}
