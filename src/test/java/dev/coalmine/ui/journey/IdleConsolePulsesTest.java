package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console showing a release that waits for judgment repaints what changes, not 60 times a second: a running
 * JavaFX animation (the relative times' refresh was a ten-second Timeline) makes every scene pulse at the display
 * rate, CPU a laptop pays for as long as the view is open.
 */
class IdleConsolePulsesTest extends ConsoleJourney {
    @Test
    void anOpenReleaseViewPulsesOnlyWhenSomethingChanges(FxRobot robot) throws Exception {
        Journeys.startFrontendFromPipeline(console.client(), TrafficPlan.replicas());
        Journeys.openListed(robot, Journeys.FRONTEND);
        Eventually.assertThat(Duration.ofSeconds(120), () -> assertThat(robot.lookup("#events-table").tryQuery()).isPresent());
        Thread.sleep(3_000);

        Scene scene = FxToolkit.toolkitContext().getRegisteredStage().getScene();
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        WaitForAsyncUtils.asyncFx(() -> scene.addPreLayoutPulseListener(count)).get();
        Thread.sleep(5_000);
        WaitForAsyncUtils.asyncFx(() -> scene.removePreLayoutPulseListener(count)).get();
        // Live lists merge at most four times a second and the charts redraw every few seconds: 60 Hz would be ~300.
        assertThat(pulses.get()).as("pulses in 5 s with nothing but the release's own updates").isLessThan(100);
    }
}
