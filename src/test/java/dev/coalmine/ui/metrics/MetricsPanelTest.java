package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import eu.hansolo.tilesfx.Tile;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MetricsPanelTest {
    private static final CanaryReading NO_REQUEST_METRICS =
            new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0);

    private final AtomicReference<Evidence> evidence = new AtomicReference<>(
            new Evidence(NO_REQUEST_METRICS, List.of(), List.of()));
    private MetricsViewModel model;

    @Start
    void start(Stage stage) {
        model = new MetricsViewModel(evidence::get, Track.STABLE, Runnable::run, Runnable::run);
        stage.setScene(new Scene(new MetricsPanel(model, MetricsPanel.tile("Verdict", "")), 1300, 400));
        stage.show();
    }

    @Test
    void cpuAndMemoryTilesShowOnlyWhileTheEvidenceCarriesUsage(FxRobot robot) {
        robot.interact(model::refresh);
        assertThat(robot.lookup("#tile-cpu").query().isVisible()).isFalse();
        assertThat(robot.lookup("#tile-memory").query().isManaged()).isFalse();

        evidence.set(new Evidence(NO_REQUEST_METRICS, List.of(), List.of(), Map.of(
                Track.STABLE, new TrackUsage(Track.STABLE, 2, 500, 512L * 1024 * 1024),
                Track.CANARY, new TrackUsage(Track.CANARY, 1, 320, 300L * 1024 * 1024))));
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        Tile cpu = robot.lookup("#tile-cpu").query();
        Tile memory = robot.lookup("#tile-memory").query();
        assertThat(cpu.isVisible()).isTrue();
        assertThat(cpu.getValue()).isEqualTo(320);
        assertThat(cpu.getDescription()).isEqualTo("stable: 250 m");
        assertThat(memory.getValue()).isEqualTo(300);
        assertThat(memory.getDescription()).isEqualTo("stable: 256 MiB");
    }
}
