package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.release.ReleaseNames;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Closing the console's window while it drives a release closes the release view and gives the release's Lease up,
 * so a pipeline's {@code canary promote} or another console continues at once instead of waiting for it to expire.
 * (The window added its content after it was shown, and the content area never learnt that it was closed: the
 * release went on being driven, and its Lease renewed, by a console no one could see.)
 */
class ClosingTheConsoleTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String APP = Journeys.FRONTEND;

    @Test
    void closingTheWindowGivesTheDrivenReleaseUp(FxRobot robot) throws Exception {
        // A weighted release climbs its ladder by the clock, so whoever drives it holds its Lease all along.
        Journeys.startFrontendFromPipeline(console.client(), new TrafficPlan(TrafficProvider.GATEWAY_API, null,
                List.of(10, 20), Duration.ofMinutes(10), List.of(), false, null));

        Journeys.openListed(robot, APP);
        Eventually.assertThat(LONG, () -> assertThat(holder()).as("the console drives the release")
                .hasValueSatisfying(holder -> assertThat(holder).isNotEqualTo("pipeline (cli)")));

        FxToolkit.setupFixture(() -> FxToolkit.toolkitContext().getRegisteredStage().hide());

        // Given up, well within the Lease's 15 s (a Lease that expires keeps its holder's name).
        Eventually.assertThat(Duration.ofSeconds(5), () -> assertThat(holder())
                .as("the closed console gave the Lease up").isEmpty());
    }

    private Optional<String> holder() {
        Lease lease = console.client().leases().inNamespace("default").withName(ReleaseNames.lease(APP)).get();
        return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity());
    }
}
