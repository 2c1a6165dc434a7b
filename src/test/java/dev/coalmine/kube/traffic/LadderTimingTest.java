package dev.coalmine.kube.traffic;

import static dev.coalmine.kube.traffic.RoutedShop.APP;
import static dev.coalmine.kube.traffic.RoutedShop.NS;
import static dev.coalmine.kube.traffic.RoutedShop.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a short interval, the time from the first step to the decision follows Flagger's formulas: interval × steps
 * to promote, interval × failed-check limit to roll back (one more interval when the first check has no data yet).
 */
class LadderTimingTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration SLACK = Duration.ofMillis(1500);
    private final RoutedShop shop = new RoutedShop();
    private final ReleaseService service = shop.service("timing", ReleaseSettings.ActionHook.NONE);

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void aHealthyCanaryIsPromotedAfterIntervalTimesSteps() {
        ReleasePlan plan = RoutedShop.automatic(TrafficProvider.GATEWAY_API, RoutedShop.HEALTHY, List.of(10, 20, 30),
                INTERVAL, 2);
        assertThat(plan.traffic().minimumTimeToPromote()).isEqualTo(Duration.ofSeconds(6));
        service.start(plan, false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.decision().verdict()).isEqualTo(DecisionVerdict.PROMOTE);
        Duration took = Duration.between(firstStep(done), done.decision().at());
        // Never sooner than the formula; later by at most a few intervals of a busy machine's scheduling.
        assertThat(took).isBetween(plan.traffic().minimumTimeToPromote(),
                plan.traffic().minimumTimeToPromote().plus(INTERVAL.multipliedBy(3)).plus(SLACK));
    }

    @Test
    void aFaultyCanaryIsRolledBackAfterIntervalTimesFailedCheckLimit() {
        ReleasePlan plan = RoutedShop.automatic(TrafficProvider.GATEWAY_API, RoutedShop.FAULTY, List.of(10, 20, 30),
                INTERVAL, 2);
        Duration rollback = plan.traffic().timeToRollBack(2);
        assertThat(rollback).isEqualTo(Duration.ofSeconds(4));
        service.start(plan, false);

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.decision().verdict()).isEqualTo(DecisionVerdict.REJECT);
        Duration took = Duration.between(firstStep(done), done.decision().at());
        assertThat(took).isBetween(rollback, rollback.plus(INTERVAL.multipliedBy(3)).plus(SLACK));
    }

    private static Instant firstStep(ReleaseState state) {
        return state.log().stream().filter(l -> l.message().startsWith("step 1 of ")).map(StepLogEntry::at)
                .findFirst().orElseThrow();
    }
}
