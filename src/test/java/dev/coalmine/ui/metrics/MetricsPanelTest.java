package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.CanaryJudge;
import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.TimeSeries;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.Theme;
import eu.hansolo.tilesfx.Tile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
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
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final ObservableList<ChartMarks.Mark> marks = FXCollections.observableArrayList();
    private MetricsViewModel model;
    private MetricsPanel panel;

    @Start
    void start(Stage stage) {
        model = new MetricsViewModel(evidence::get, Track.STABLE, Runnable::run, Runnable::run);
        panel = new MetricsPanel(model, MetricsPanel.tile("Verdict", ""), marks);
        stage.setScene(new Scene(panel, 1200, 700));
        stage.show();
    }

    @Test
    void tilesChangeColourAgainstTheirLimitsAndSayWhenTheCanaryIsGone(FxRobot robot) {
        evidence.set(new Evidence(new CanaryReading(OptionalDouble.of(90.6), OptionalDouble.of(80), 5), List.of(
                successRate(90.6, 99.9)), List.of()));
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        Tile success = robot.lookup("#tile-success").query();
        Tile restarts = robot.lookup("#tile-restarts").query();
        Tile latency = robot.lookup("#tile-latency").query();
        assertThat(success.getValue()).isEqualTo(90.6);
        assertThat(success.getValueColor()).isEqualTo(Tile.RED);
        assertThat(success.getText()).isEqualTo("canary \u2716 limit \u2265 99 %");
        assertThat(restarts.getValue()).isEqualTo(5);
        assertThat(restarts.getValueColor()).isEqualTo(Tile.RED);
        assertThat(latency.getValueColor()).isEqualTo(Tile.GREEN);
        assertThat(latency.getText()).isEqualTo("canary \u2714 limit \u2264 500 ms");

        robot.interact(() -> model.tracksRunning(false, false));

        assertThat(success.isValueVisible()).isFalse();
        assertThat(success.getUnitColor()).as("no lone %").isEqualTo(Color.TRANSPARENT);
        assertThat(success.getText()).isEqualTo("the release is over");
        assertThat(success.getDescription()).isEqualTo("canary and stable deleted");
        assertThat(success.getValueColor()).isEqualTo(Tile.FOREGROUND);
    }

    @Test
    void aHiddenPanelDrawsNothingAndCatchesUpWhenShown(FxRobot robot) {
        evidence.set(new Evidence(new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(80), 0), List.of(
                successRate(99.9, 100)), List.of()));
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonChart rate = robot.lookup("#chart-success-rate").query();
        Eventually.assertThat(() -> assertThat(rate.drawnProperty().get()).isNotNull());
        ComparisonChart.Plot first = rate.drawnProperty().get();

        robot.interact(() -> panel.shownProperty().set(false));
        evidence.set(new Evidence(new CanaryReading(OptionalDouble.of(98.0), OptionalDouble.of(80), 0), List.of(
                successRate(98.0, 100)), List.of()));
        robot.interact(model::refresh);
        robot.interact(() -> marks.setAll(new ChartMarks.Mark(T0.plusSeconds(7), "check 1", true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.drawnProperty().get()).as("a chart in a tab not selected is not laid out again").isSameAs(first);
        assertThat(rate.visibleMarks()).isEmpty();

        robot.interact(() -> panel.shownProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        Eventually.assertThat(() -> {
            assertThat(rate.drawnProperty().get()).isNotSameAs(first);
            assertThat(rate.visibleMarks()).containsExactly("check 1");
        });
    }

    @Test
    void theChartNamesItsStatisticShowsTheLimitAndKeepsASmallDipSmall(FxRobot robot) {
        evidence.set(new Evidence(new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(80), 0), List.of(
                successRate(99.9, 100), new MetricSamples(MetricSpec.latency(), Map.of(
                        Track.STABLE, TimeSeries.of(T0, Duration.ofSeconds(5), 80, 82, 81, 80),
                        Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(5), 81, 80, 83, 82)))), List.of()));
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        ComparisonChart rate = robot.lookup("#chart-success-rate").query();
        ComparisonChart latency = robot.lookup("#chart-latency").query();
        assertThat(latency.getTitle()).isEqualTo("latency p99");
        Eventually.assertThat(() -> { // one chart a frame
            assertThat(rate.getData()).extracting(s -> s.getName()).containsExactly("stable", "canary", "limit 99 %");
            assertThat(latency.getData()).isNotEmpty();
        });
        NumberAxis y = (NumberAxis) rate.getYAxis();
        assertThat(y.getUpperBound() - y.getLowerBound()).as("a 0.1 point dip is a small part of the axis")
                .isGreaterThanOrEqualTo(ComparisonChart.MIN_PERCENT_SPAN);
        assertThat(y.getLowerBound()).as("the limit is in view").isLessThanOrEqualTo(99);
        assertThat(((NumberAxis) latency.getYAxis()).getLowerBound()).isZero();

        robot.interact(() -> marks.setAll(new ChartMarks.Mark(T0.plusSeconds(7), "check 1", true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.visibleMarks()).containsExactly("check 1");
    }

    @Test
    void theLatencyTileNamesTheStatisticAndWindowOfTheJudgesThresholdRow(FxRobot robot) {
        MetricSpec nginxMean = MetricSpec.latency().withStatistic("mean");
        Evidence mean = new Evidence(new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(236.1), 0), List.of(
                new MetricSamples(nginxMean, Map.of(
                        Track.STABLE, TimeSeries.of(T0, Duration.ofSeconds(5), 230, 231, 232, 233),
                        Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(5), 235, 236, 237, 236.1)))), List.of());
        evidence.set(mean);
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        Tile latency = robot.lookup("#tile-latency").query();
        ComparisonChart chart = robot.lookup("#chart-latency").query();
        assertThat(latency.getTitle()).isEqualTo("Latency mean \u00b7 last interval");
        assertThat(latency.getUnit()).isEqualTo("ms");
        assertThat(robot.from(latency).lookup((javafx.scene.text.Text t) -> "ms".equals(t.getText())).<javafx.scene.Node>queryAll())
                .as("the unit is shown beside the number").anyMatch(t -> shownWithin(t, latency));
        assertThat(chart.getTitle()).isEqualTo("latency mean");
        assertThat(((Tile) robot.lookup("#tile-success").query()).getTitle()).isEqualTo("Success rate \u00b7 last interval");
        Finding row = CanaryJudge.withDefaults().judge(mean, Track.STABLE).findings().stream()
                .filter(f -> f.rule().startsWith("latency") && f.window() == Finding.Window.LAST_INTERVAL)
                .findFirst().orElseThrow();
        assertThat(row.rule()).as("the threshold row names the same statistic").isEqualTo("latency mean \u2264 500 ms");
        assertThat(row.canary()).as("and the same figure").isEqualTo(
                String.format(java.util.Locale.ROOT, "%." + latency.getDecimals() + "f ms", latency.getValue()));
    }

    private static boolean shownWithin(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null && n != ancestor; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static MetricSamples successRate(double canary, double control) {
        return new MetricSamples(MetricSpec.successRate(), Map.of(
                Track.STABLE, TimeSeries.of(T0, Duration.ofSeconds(5), control, control, control, control),
                Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(5), canary + 0.1, canary, canary, canary)));
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

    @Test
    void controlAndCanaryLinesHaveDistinctColourBlindSafeColoursAndALegendInBothThemes(FxRobot robot) {
        evidence.set(new Evidence(new CanaryReading(OptionalDouble.of(99.9), OptionalDouble.of(80), 0),
                List.of(successRate(99.9, 100)), List.of()));
        robot.interact(model::refresh);
        ComparisonChart shown = robot.lookup("#chart-success-rate").query();
        Eventually.assertThat(() -> assertThat(shown.getData()).isNotEmpty()); // shown in a coming frame
        Scene scene = shown.getScene();
        List<String> sheets = List.copyOf(scene.getStylesheets());
        String userAgent = Application.getUserAgentStylesheet(); // a theme sets it for the whole application
        robot.interact(() -> scene.getStylesheets().add(
                MetricsPanelTest.class.getResource("/dev/coalmine/ui/rollout/rollout.css").toExternalForm()));
        try {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> new Theme(dark).apply(scene));
                WaitForAsyncUtils.waitForFxEvents();
                ComparisonChart rate = robot.lookup("#chart-success-rate").query();
                Path control = robot.from(rate).lookup(".chart-series-line.default-color0").queryAs(Path.class);
                Path canary = robot.from(rate).lookup(".chart-series-line.default-color1").queryAs(Path.class);
                String theme = dark ? "dark" : "light";
                // Okabe-Ito blue and orange, told apart with any colour vision; the control line also dashed.
                assertThat(control.getStroke()).as(theme).isEqualTo(Color.web("#2F80C8"));
                assertThat(canary.getStroke()).as(theme).isEqualTo(Color.web("#E07B00"));
                assertThat(control.getStrokeDashArray()).as(theme).isNotEmpty();
                assertThat(rate.isLegendVisible()).as(theme).isTrue();
            }
        } finally {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(userAgent);
                scene.getStylesheets().setAll(sheets);
            });
        }
    }
}
