package dev.coalmine.ui.metrics;

import dev.coalmine.core.series.Downsampler;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * A line chart of one metric with one line per track (baseline, canary, …). Long series are downsampled
 * to about one point per horizontal pixel, so a day at 5 s resolution redraws as fast as a few minutes.
 */
public final class ComparisonChart extends LineChart<Number, Number> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /**
     * Points kept per line: about one per two to three pixels of the plot at the widths the console uses,
     * where a line cannot show more detail anyway.
     */
    public static final int POINTS_PER_LINE = 300;

    private final int maxPoints;

    /** One line: x in epoch seconds, ascending. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** A moment drawn across the plot, such as a change of the canary's weight: x in epoch seconds. */
    public record Marker(double x, String label) {
    }

    private final List<Marker> markers = new ArrayList<>();
    private final List<Node> markerNodes = new ArrayList<>();

    public ComparisonChart(String title, String unit, int maxPoints) {
        super(timeAxis(), new NumberAxis());
        this.maxPoints = maxPoints;
        setTitle(title);
        getYAxis().setLabel(unit);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        getStyleClass().add("comparison-chart");
    }

    private static NumberAxis timeAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        axis.setAutoRanging(true);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the time axis is not editable");
            }
        });
        return axis;
    }

    /** Replaces all lines; call on the FX thread. */
    public void show(List<Line> lines) {
        boolean sameLines = getData().size() == lines.size();
        for (int k = 0; sameLines && k < lines.size(); k++) {
            sameLines = lines.get(k).name().equals(getData().get(k).getName());
        }
        if (sameLines) {
            // New points in the series already shown: their paths and legend entries stay, no new nodes to style.
            for (int k = 0; k < lines.size(); k++) {
                getData().get(k).getData().setAll(downsampled(lines.get(k)));
            }
            return;
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(lines.size());
        for (Line line : lines) {
            series.add(new XYChart.Series<>(line.name(), FXCollections.observableArrayList(downsampled(line))));
        }
        getData().setAll(series);
    }

    /** Replaces the markers; those outside the plotted time range are not drawn. Call on the FX thread. */
    public void markers(List<Marker> newMarkers) {
        if (markers.equals(newMarkers)) {
            return;
        }
        markers.clear();
        markers.addAll(newMarkers);
        getPlotChildren().removeAll(markerNodes);
        markerNodes.clear();
        for (Marker marker : markers) {
            javafx.scene.shape.Line rule = new javafx.scene.shape.Line();
            rule.getStyleClass().add("weight-marker");
            Label label = new Label(marker.label());
            label.getStyleClass().add("weight-marker-label");
            markerNodes.add(rule);
            markerNodes.add(label);
        }
        getPlotChildren().addAll(markerNodes);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis time = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int k = 0; k < markers.size(); k++) {
            double x = markers.get(k).x();
            boolean shown = !getData().isEmpty() && x >= time.getLowerBound() && x <= time.getUpperBound();
            double at = time.getDisplayPosition(x);
            javafx.scene.shape.Line rule = (javafx.scene.shape.Line) markerNodes.get(2 * k);
            Label label = (Label) markerNodes.get(2 * k + 1);
            rule.setStartX(at);
            rule.setEndX(at);
            rule.setStartY(0);
            rule.setEndY(height);
            label.autosize();
            label.relocate(at + 3, 2);
            rule.setVisible(shown);
            label.setVisible(shown);
        }
    }

    private List<XYChart.Data<Number, Number>> downsampled(Line line) {
        int[] kept = Downsampler.lttb(line.x(), line.y(), maxPoints);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(kept.length);
        for (int i : kept) {
            points.add(new XYChart.Data<>(line.x()[i], line.y()[i]));
        }
        return points;
    }
}
