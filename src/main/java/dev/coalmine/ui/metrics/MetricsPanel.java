package dev.coalmine.ui.metrics;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableNumberValue;
import javafx.collections.ListChangeListener;
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
    private final VBox chartBox = new VBox(8);
    private List<ComparisonChart.Marker> markers = List.of();

    public MetricsPanel(MetricsViewModel model, Tile verdictTile) {
        super(10);
        setPadding(new Insets(10));
        setId("metrics-panel");
        String control = model.control().label();
        Tile success = tile("Success rate", "%");
        Tile latency = tile("Latency", "ms");
        Tile restarts = tile("Canary restarts", "");
        success.setId("tile-success");
        latency.setId("tile-latency");
        restarts.setId("tile-restarts");
        bind(success, model.canarySuccessProperty(), model.controlSuccessProperty(), control, "%.2f %%");
        bind(latency, model.canaryLatencyProperty(), model.controlLatencyProperty(), control, "%.0f ms");
        model.canaryRestartsProperty().addListener((obs, old, n) -> restarts.setValue(n.doubleValue()));
        restarts.setDescription("container restarts of canary pods");
        Tile cpu = usageTile("CPU per pod", "m", "tile-cpu", model);
        Tile memory = usageTile("Memory per pod", "MiB", "tile-memory", model);
        bind(cpu, model.canaryCpuProperty(), model.controlCpuProperty(), control, "%.0f m");
        bind(memory, model.canaryMemoryProperty(), model.controlMemoryProperty(), control, "%.0f MiB");

        FlowPane tiles = new FlowPane(10, 10, success, latency, restarts, cpu, memory, verdictTile);
        Label problems = new Label();
        problems.setId("metrics-problems");
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());

        model.charts().addListener((ListChangeListener<MetricsViewModel.Chart>) change -> showCharts(model));
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        getChildren().addAll(tiles, problems, chartBox);
        showCharts(model);
    }

    private void showCharts(MetricsViewModel model) {
        for (MetricsViewModel.Chart data : model.charts()) {
            ComparisonChart chart = charts.computeIfAbsent(data.metric(), name -> {
                ComparisonChart created = new ComparisonChart(name, data.unit(), ComparisonChart.POINTS_PER_LINE);
                created.setId("chart-" + name.replace(' ', '-'));
                created.setPrefHeight(220);
                chartBox.getChildren().add(created);
                created.markers(markers);
                return created;
            });
            chart.show(data.lines());
        }
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

    private static void bind(Tile tile, ObservableNumberValue canary, ObservableNumberValue control, String controlName,
            String format) {
        Runnable update = () -> {
            double value = canary.doubleValue();
            boolean known = Double.isFinite(value);
            // No data is not zero: the number is hidden rather than shown as a reassuring 0.
            tile.setValueVisible(known);
            if (known) {
                tile.setValue(value);
            }
            tile.setText(known ? "canary" : "canary: no data yet");
            double other = control.doubleValue();
            tile.setDescription(controlName + ": " + (Double.isFinite(other)
                    ? String.format(Locale.ROOT, format, other) : "no data"));
        };
        canary.addListener(o -> update.run());
        control.addListener(o -> update.run());
        update.run();
    }
}
