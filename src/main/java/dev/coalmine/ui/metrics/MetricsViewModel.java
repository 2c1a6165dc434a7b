package dev.coalmine.ui.metrics;

import dev.coalmine.core.judge.Evidence;
import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.MetricUnit;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.judge.TimeSeries;
import dev.coalmine.core.judge.Track;
import dev.coalmine.core.judge.TrackUsage;
import dev.coalmine.ui.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Baseline-versus-canary evidence for the rollout view: headline numbers for the tiles (CPU and memory per pod
 * too, when the cluster serves metrics.k8s.io) and one chart per metric. Each {@link #refresh()} collects on the background executor and publishes on the UI thread.
 * Unknown numbers are NaN, never zero: no data is not a good result.
 */
public final class MetricsViewModel {
    /**
     * One chart: a metric, its title with the statistic ("latency p99"), its lines (control first), the judge's
     * limit for it (NaN when it has none), and the plot the chart shows, prepared off the FX thread.
     */
    public record Chart(String metric, String title, String unit, List<ComparisonChart.Line> lines, double limit,
                        ComparisonChart.Plot plot) {
    }

    /** How a tile's canary figure stands against its limit. */
    public enum Standing {
        /** No figure yet. */
        UNKNOWN,
        WITHIN,
        BEYOND,
        /** The canary's Deployment is gone (the release ended): old figures are no longer the canary's. */
        GONE
    }

    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private final Supplier<Evidence> collector;
    private final Track control;
    private final Executor background;
    private final UiThread ui;
    private final DoubleProperty canarySuccess = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty controlSuccess = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty canaryLatency = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty controlLatency = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty canaryRestarts = new SimpleIntegerProperty();
    private final DoubleProperty canaryCpu = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty controlCpu = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty canaryMemory = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty controlMemory = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty usageServed = new SimpleBooleanProperty(false);
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty latencyTitle = new SimpleStringProperty(tileTitle("Latency", ""));
    private final ObservableList<Chart> charts = FXCollections.observableArrayList();
    private final ObjectProperty<Standing> successStanding = new SimpleObjectProperty<>(Standing.UNKNOWN);
    private final ObjectProperty<Standing> latencyStanding = new SimpleObjectProperty<>(Standing.UNKNOWN);
    private final ObjectProperty<Standing> restartsStanding = new SimpleObjectProperty<>(Standing.UNKNOWN);
    private final BooleanProperty canaryGone = new SimpleBooleanProperty(false);
    private final BooleanProperty controlGone = new SimpleBooleanProperty(false);
    private final ThresholdPolicy limits;
    private volatile boolean refreshing;

    /**
     * @param control the track the canary is compared with: baseline when there is one, else stable
     */
    public MetricsViewModel(Supplier<Evidence> collector, Track control, Executor background, UiThread ui) {
        this(collector, control, ThresholdPolicy.defaults(), background, ui);
    }

    /** @param limits what the tiles and charts hold the canary against (the judge's limits, or the defaults) */
    public MetricsViewModel(Supplier<Evidence> collector, Track control, ThresholdPolicy limits, Executor background,
                            UiThread ui) {
        this.limits = limits;
        this.collector = collector;
        this.control = control;
        this.background = background;
        this.ui = ui;
    }

    /** Collects once unless a collection is still under way (a slow Prometheus must not pile up requests). */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        background.execute(() -> {
            try {
                Evidence evidence = collector.get();
                List<Chart> prepared = charts(evidence);
                ui.execute(() -> show(evidence, prepared));
            } catch (RuntimeException e) {
                ui.execute(() -> problems.set("Metrics could not be read: " + e.getMessage()));
            } finally {
                refreshing = false;
            }
        });
    }

    /** Shows {@code evidence} collected elsewhere (the release's shared evidence); any thread. */
    public void accept(Evidence evidence) {
        List<Chart> prepared = charts(evidence); // the charts' points are downsampled here, not on the FX thread
        ui.execute(() -> show(evidence, prepared));
    }

    private List<Chart> charts(Evidence evidence) {
        List<Chart> prepared = new ArrayList<>();
        for (MetricSamples samples : evidence.samples()) {
            String unit = symbol(samples.metric().unit());
            List<ComparisonChart.Line> lines = List.of(line(control, samples.of(control)),
                    line(Track.CANARY, samples.of(Track.CANARY)));
            double limit = limitOf(samples.metric().name());
            prepared.add(new Chart(samples.metric().name(), samples.metric().title(), unit, lines, limit,
                    ComparisonChart.prepare(lines, limit, unit, ComparisonChart.POINTS_PER_LINE)));
        }
        return prepared;
    }

    private void show(Evidence evidence, List<Chart> prepared) {
        canarySuccess.set(orNaN(evidence.reading().successRatePercent()));
        canaryLatency.set(orNaN(evidence.reading().latencyMs()));
        canaryRestarts.set(evidence.reading().restarts());
        controlSuccess.set(Double.NaN);
        controlLatency.set(Double.NaN);
        for (MetricSamples samples : evidence.samples()) {
            double last = orNaN(samples.of(control).last());
            if (samples.metric().name().equals(MetricSpec.SUCCESS_RATE)) {
                controlSuccess.set(last);
            } else if (samples.metric().name().equals(MetricSpec.LATENCY)) {
                controlLatency.set(last);
                latencyTitle.set(tileTitle("Latency", samples.metric().statistic()));
            }
        }
        charts.setAll(prepared);
        judgeStanding();
        problems.set(String.join("\n", evidence.sourceErrors()));
        showUsage(evidence.usage());
    }

    /**
     * Whether the canary and the control still run. Once a track's Deployment is deleted its last figures are not
     * shown as if they were current: the tiles say it is gone.
     */
    public void tracksRunning(boolean canary, boolean controlTrack) {
        canaryGone.set(!canary);
        controlGone.set(!controlTrack);
        judgeStanding();
    }

    private void judgeStanding() {
        successStanding.set(standing(canarySuccess.get(), limits.minSuccessRatePercent().orElse(Double.NaN), false));
        latencyStanding.set(standing(canaryLatency.get(), limits.maxLatencyMs().orElse(Double.NaN), true));
        restartsStanding.set(canaryGone.get() ? Standing.GONE
                : canaryRestarts.get() > limits.maxCanaryRestarts() ? Standing.BEYOND : Standing.WITHIN);
    }

    private Standing standing(double value, double limit, boolean isMaximum) {
        if (canaryGone.get()) {
            return Standing.GONE;
        }
        if (!Double.isFinite(value)) {
            return Standing.UNKNOWN;
        }
        if (!Double.isFinite(limit)) {
            return Standing.WITHIN;
        }
        return (isMaximum ? value > limit : value < limit) ? Standing.BEYOND : Standing.WITHIN;
    }

    private double limitOf(String metric) {
        return switch (metric) {
            case MetricSpec.SUCCESS_RATE -> limits.minSuccessRatePercent().orElse(Double.NaN);
            case MetricSpec.LATENCY -> limits.maxLatencyMs().orElse(Double.NaN);
            default -> Double.NaN;
        };
    }

    /** The limits the tiles and charts hold the canary against. */
    public ThresholdPolicy limits() {
        return limits;
    }

    public ObjectProperty<Standing> successStandingProperty() {
        return successStanding;
    }

    public ObjectProperty<Standing> latencyStandingProperty() {
        return latencyStanding;
    }

    public ObjectProperty<Standing> restartsStandingProperty() {
        return restartsStanding;
    }

    /** True once the control's Deployment (the baseline, usually) was deleted. */
    public BooleanProperty controlGoneProperty() {
        return controlGone;
    }

    /** Per pod, because the tracks differ in size: a stable of ten pods uses ten times the canary's total. */
    private void showUsage(Map<Track, TrackUsage> usage) {
        usageServed.set(!usage.isEmpty());
        canaryCpu.set(perPod(usage.get(Track.CANARY), TrackUsage::cpuMillicores));
        controlCpu.set(perPod(usage.get(control), TrackUsage::cpuMillicores));
        canaryMemory.set(perPod(usage.get(Track.CANARY), u -> u.memoryBytes() / MEBIBYTE));
        controlMemory.set(perPod(usage.get(control), u -> u.memoryBytes() / MEBIBYTE));
    }

    private static double perPod(TrackUsage usage, ToDoubleFunction<TrackUsage> total) {
        return usage == null || usage.pods() == 0 ? Double.NaN : total.applyAsDouble(usage) / usage.pods();
    }

    private static ComparisonChart.Line line(Track track, TimeSeries series) {
        List<TimeSeries.Point> finite = series.points().stream().filter(p -> Double.isFinite(p.value())).toList();
        double[] x = new double[finite.size()];
        double[] y = new double[finite.size()];
        for (int i = 0; i < finite.size(); i++) {
            x[i] = finite.get(i).at().getEpochSecond();
            y[i] = finite.get(i).value();
        }
        return new ComparisonChart.Line(track.label(), x, y);
    }

    private static String symbol(MetricUnit unit) {
        return switch (unit) {
            case PERCENT -> "%";
            case MILLISECONDS -> "ms";
            case COUNT, NONE -> "";
        };
    }

    private static double orNaN(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : Double.NaN;
    }

    public Track control() {
        return control;
    }

    public DoubleProperty canarySuccessProperty() {
        return canarySuccess;
    }

    public DoubleProperty controlSuccessProperty() {
        return controlSuccess;
    }

    public DoubleProperty canaryLatencyProperty() {
        return canaryLatency;
    }

    public DoubleProperty controlLatencyProperty() {
        return controlLatency;
    }

    public IntegerProperty canaryRestartsProperty() {
        return canaryRestarts;
    }

    /** Millicores per canary pod; NaN when unknown. */
    public DoubleProperty canaryCpuProperty() {
        return canaryCpu;
    }

    public DoubleProperty controlCpuProperty() {
        return controlCpu;
    }

    /** MiB per canary pod; NaN when unknown. */
    public DoubleProperty canaryMemoryProperty() {
        return canaryMemory;
    }

    public DoubleProperty controlMemoryProperty() {
        return controlMemory;
    }

    /** Whether the last evidence carried CPU and memory (false on a cluster without metrics-server). */
    public BooleanProperty usageServedProperty() {
        return usageServed;
    }

    /**
     * A tile's title: the figure, its statistic (the source's: "p99", or "mean" for NGINX) and the window it covers,
     * the threshold rows' window, since the tile shows the same reading the judge checked.
     */
    public static String tileTitle(String figure, String statistic) {
        return (statistic.isEmpty() ? figure : figure + " " + statistic) + " \u00b7 " + Finding.Window.LAST_INTERVAL.words();
    }

    /** "Latency p99 · last interval"; the statistic comes with the first latency series. */
    public StringProperty latencyTitleProperty() {
        return latencyTitle;
    }

    public StringProperty problemsProperty() {
        return problems;
    }

    public ObservableList<Chart> charts() {
        return charts;
    }
}
