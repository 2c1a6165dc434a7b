package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.judge.CanaryReading;
import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.TimeSeries;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

@FastTest
class MetricsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void showsCanaryAgainstBaselineAndOneChartPerMetric() {
        Evidence evidence = new Evidence(new CanaryReading(OptionalDouble.of(90.2), OptionalDouble.of(55), 1),
                List.of(new MetricSamples(MetricSpec.successRate(), Map.of(
                        Track.BASELINE, TimeSeries.of(T0, Duration.ofSeconds(5), 99.9, 99.8, Double.NaN, 99.9),
                        Track.CANARY, TimeSeries.of(T0, Duration.ofSeconds(5), 90.0, 91.0, 89.5, 90.2)))),
                List.of());
        MetricsViewModel model = new MetricsViewModel(() -> evidence, Track.BASELINE, Runnable::run, Runnable::run);

        model.refresh();

        assertThat(model.canarySuccessProperty().get()).isEqualTo(90.2);
        assertThat(model.controlSuccessProperty().get()).isEqualTo(99.9);
        assertThat(model.canaryLatencyProperty().get()).isEqualTo(55);
        assertThat(model.controlLatencyProperty().get()).isNaN();
        assertThat(model.canaryRestartsProperty().get()).isEqualTo(1);
        assertThat(model.charts()).singleElement().satisfies(chart -> {
            assertThat(chart.metric()).isEqualTo("success rate");
            assertThat(chart.unit()).isEqualTo("%");
            assertThat(chart.lines()).extracting(ComparisonChart.Line::name).containsExactly("baseline", "canary");
            assertThat(chart.lines().get(0).y()).as("NaN steps are left out").containsExactly(99.9, 99.8, 99.9);
            assertThat(chart.lines().get(1).x()[1] - chart.lines().get(1).x()[0]).isEqualTo(5.0);
        });
    }

    @Test
    void noDataStaysUnknownAndSourceErrorsAreShown() {
        Evidence evidence = new Evidence(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0),
                List.of(), List.of("Prometheus at http://127.0.0.1:1 cannot be reached"));
        MetricsViewModel model = new MetricsViewModel(() -> evidence, Track.STABLE, Runnable::run, Runnable::run);

        model.refresh();

        assertThat(model.canarySuccessProperty().get()).isNaN();
        assertThat(model.canaryLatencyProperty().get()).isNaN();
        assertThat(model.charts()).isEmpty();
        assertThat(model.problemsProperty().get()).contains("cannot be reached");
    }

    @Test
    void cpuAndMemoryAreShownPerPodOfCanaryAndControl() {
        Evidence evidence = new Evidence(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0),
                List.of(), List.of(), Map.of(
                        Track.STABLE, new TrackUsage(Track.STABLE, 4, 1000, 4 * 256L * 1024 * 1024),
                        Track.CANARY, new TrackUsage(Track.CANARY, 1, 400, 300L * 1024 * 1024)));
        MetricsViewModel model = new MetricsViewModel(() -> evidence, Track.STABLE, Runnable::run, Runnable::run);

        model.refresh();

        assertThat(model.usageServedProperty().get()).isTrue();
        assertThat(model.canaryCpuProperty().get()).isEqualTo(400);
        assertThat(model.controlCpuProperty().get()).isEqualTo(250);
        assertThat(model.canaryMemoryProperty().get()).isEqualTo(300);
        assertThat(model.controlMemoryProperty().get()).isEqualTo(256);
    }

    @Test
    void withoutUsageTheNumbersStayUnknown() {
        Evidence evidence = new Evidence(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0),
                List.of(), List.of());
        MetricsViewModel model = new MetricsViewModel(() -> evidence, Track.BASELINE, Runnable::run, Runnable::run);

        model.refresh();

        assertThat(model.usageServedProperty().get()).isFalse();
        assertThat(model.canaryCpuProperty().get()).isNaN();
        assertThat(model.controlMemoryProperty().get()).isNaN();
    }

    @Test
    void aFailingCollectorIsReportedNotThrown() {
        MetricsViewModel model = new MetricsViewModel(() -> {
            throw new IllegalStateException("boom");
        }, Track.BASELINE, Runnable::run, Runnable::run);
        model.refresh();
        assertThat(model.problemsProperty().get()).isEqualTo("Metrics could not be read: boom");
    }
}
