package dev.coalmine.ui.metrics;

import dev.coalmine.core.judge.MetricUnit;
import dev.coalmine.core.judge.ThresholdPolicy;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Headline tiles (canary against its control; CPU and memory per pod when the cluster serves them) above one
 * baseline-vs-canary chart per metric.
 */
public final class MetricsPanel extends VBox {
    private final Map<String, ComparisonChart> charts = new HashMap<>();
    private final OnePerFrame redraws = new OnePerFrame();
    private final VBox chartBox = new VBox(8);
    private List<ComparisonChart.Marker> markers = List.of();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    /** What changed while the panel was hidden, drawn when it is shown again. */
    private final Set<Runnable> behind = new LinkedHashSet<>();

    private final ObservableList<ChartMarks.Mark> marks;

    public MetricsPanel(MetricsViewModel model, Tile verdictTile) {
        this(model, verdictTile, FXCollections.observableArrayList());
    }

    /** @param marks the release's checks, decision and phase changes, marked on every chart's time axis */
    public MetricsPanel(MetricsViewModel model, Tile verdictTile, ObservableList<ChartMarks.Mark> marks) {
        super(10);
        this.marks = marks;
        setPadding(new Insets(10));
        setId("metrics-panel");
        String control = model.control().label();
        Tile success = tile(MetricsViewModel.tileTitle("Success rate", ""), "%");
        Tile latency = tile(model.latencyTitleProperty().get(), "ms");
        model.latencyTitleProperty().addListener((o, old, title) -> latency.setTitle(title));
        Tile restarts = tile("Canary restarts", "");
        success.setId("tile-success");
        latency.setId("tile-latency");
        restarts.setId("tile-restarts");
        success.setDecimals(2);
        // Whole milliseconds, as the verdict table writes the same reading.
        latency.setDecimals(0);
        ThresholdPolicy limits = model.limits();
        CanaryTile.follow(success, model.canarySuccessProperty(), model.controlSuccessProperty(),
                model.successStandingProperty(), model.controlGoneProperty(), control, "%.2f %%",
                limits.minSuccessRatePercent().isPresent()
                        ? "limit \u2265 " + MetricUnit.PERCENT.formatPlain(limits.minSuccessRatePercent().getAsDouble()) : "");
        CanaryTile.follow(latency, model.canaryLatencyProperty(), model.controlLatencyProperty(),
                model.latencyStandingProperty(), model.controlGoneProperty(), control, "%.0f ms",
                limits.maxLatencyMs().isPresent()
                        ? "limit \u2264 " + MetricUnit.MILLISECONDS.formatPlain(limits.maxLatencyMs().getAsDouble()) : "");
        CanaryTile.follow(restarts, model.canaryRestartsProperty(), null, model.restartsStandingProperty(),
                model.controlGoneProperty(), control, null, "limit \u2264 " + limits.maxCanaryRestarts());
        restarts.setDescription("container restarts of canary pods");
        Tile cpu = usageTile("CPU per pod", "m", "tile-cpu", model);
        Tile memory = usageTile("Memory per pod", "MiB", "tile-memory", model);
        CanaryTile.follow(cpu, model.canaryCpuProperty(), model.controlCpuProperty(), null, model.controlGoneProperty(),
                control, "%.0f m", "");
        CanaryTile.follow(memory, model.canaryMemoryProperty(), model.controlMemoryProperty(), null,
                model.controlGoneProperty(), control, "%.0f MiB", "");

        FlowPane tiles = new FlowPane(10, 10, success, latency, restarts, cpu, memory, verdictTile);
        Label problems = new Label();
        problems.setId("metrics-problems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());

        // A chart is laid out at each new plot even in a tab not selected (layout ignores visibility): hidden, the
        // panel only notes what it is behind and catches up when shown again.
        Runnable drawCharts = () -> showCharts(model);
        Runnable drawMarks = () -> charts.values().forEach(c -> c.mark(marks));
        model.charts().addListener((ListChangeListener<MetricsViewModel.Chart>) change -> whenShown(drawCharts));
        marks.addListener((ListChangeListener<ChartMarks.Mark>) change -> whenShown(drawMarks));
        shown.addListener((obs, was, now) -> {
            if (now) {
                List<Runnable> catchUp = List.copyOf(behind);
                behind.clear();
                catchUp.forEach(Runnable::run);
            }
        });
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        getChildren().addAll(tiles, problems, chartBox);
        showCharts(model);
    }

    private void showCharts(MetricsViewModel model) {
        for (MetricsViewModel.Chart data : model.charts()) {
            ComparisonChart chart = charts.computeIfAbsent(data.metric(), name -> {
                ComparisonChart created = new ComparisonChart(data.title(), data.unit(), ComparisonChart.POINTS_PER_LINE);
                created.setId("chart-" + name.replace(' ', '-'));
                created.setPrefHeight(220);
                created.mark(marks);
                chartBox.getChildren().add(created);
                created.markers(markers);
                return created;
            });
            redraws.submit(chart, () -> chart.show(data.plot()));
        }
    }

    private void whenShown(Runnable draw) {
        if (shown.get()) {
            draw.run();
        } else {
            behind.add(draw);
        }
    }

    /** True while the panel is on screen (the default); bound by whoever knows, such as a tab's selection. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Marks these moments (the canary's weight changes) on every chart. */
    public void markers(List<ComparisonChart.Marker> newMarkers) {
        markers = List.copyOf(newMarkers);
        charts.values().forEach(c -> c.markers(markers));
    }

    /** Shown only while the evidence carries usage: without metrics-server the numbers would never come. */
    private static Tile usageTile(String title, String unit, String id, MetricsViewModel model) {
        Tile tile = tile(title, unit);
        tile.setDecimals(0);
        tile.setId(id);
        tile.visibleProperty().bind(model.usageServedProperty());
        tile.managedProperty().bind(model.usageServedProperty());
        return tile;
    }

    public static Tile tile(String title, String unit) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(200, 150).title(title).unit(unit)
                .decimals(unit.isEmpty() ? 0 : 1).animated(false).build();
    }
}
