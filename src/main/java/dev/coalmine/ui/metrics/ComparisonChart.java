package dev.coalmine.ui.metrics;

import dev.coalmine.core.series.Downsampler;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A line chart of one metric with one line per track (control dashed, canary solid, in colours told apart with any
 * colour vision), the judge's limit as a dotted line, and the release's checks, decision and phase changes marked
 * on the time axis. Long series are downsampled to about one point per horizontal pixel. The y-axis spans at least
 * {@link #MIN_PERCENT_SPAN} points for percentages and starts at zero for latencies, so a 0.1 % dip stays small.
 */
public final class ComparisonChart extends LineChart<Number, Number> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /**
     * Points kept per line: about one per two to three pixels of the plot at the widths the console uses,
     * where a line cannot show more detail anyway.
     */
    public static final int POINTS_PER_LINE = 300;
    static final double MIN_PERCENT_SPAN = 2;

    private final int maxPoints;
    private final String unit;
    private final List<ChartMarks.Mark> marks = new ArrayList<>();
    private final List<javafx.scene.shape.Line> markLines = new ArrayList<>();
    private final List<Text> markLabels = new ArrayList<>();

    /** One line: x in epoch seconds, ascending. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** Lines ready to show ({@link #prepare}): downsampled, the limit line last, and the axes' ranges. */
    public record Plot(List<Line> lines, PlotRange x, PlotRange y) {
    }

    /** A moment drawn across the plot, such as a change of the canary's weight: x in epoch seconds. */
    public record Marker(double x, String label) {
    }

    private final List<Marker> markers = new ArrayList<>();
    private final List<Node> markerNodes = new ArrayList<>();
    private final LinesImage lines = new LinesImage();
    private final ReadOnlyObjectWrapper<Plot> drawn = new ReadOnlyObjectWrapper<>();
    private Plot plot;

    public ComparisonChart(String title, String unit, int maxPoints) {
        super(timeAxis(), new NumberAxis());
        this.maxPoints = maxPoints;
        this.unit = unit;
        setTitle(title);
        getYAxis().setLabel(unit);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        getStyleClass().add("comparison-chart");
        getPlotChildren().add(0, lines.view());
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
        show(lines, Double.NaN);
    }

    /** Replaces all lines and draws {@code limit} (NaN: none) across them; call on the FX thread. */
    public void show(List<Line> lines, double limit) {
        show(prepare(lines, limit));
    }

    /**
     * The lines downsampled, with the limit line and the axes' ranges: the work of a redraw that needs no FX thread.
     * Any thread.
     */
    public Plot prepare(List<Line> lines, double limit) {
        return prepare(lines, limit, unit, maxPoints);
    }

    /** {@link #prepare(List, double)} for a chart of {@code unit} keeping {@code maxPoints} per line. Any thread. */
    public static Plot prepare(List<Line> lines, double limit, String unit, int maxPoints) {
        List<Line> all = new ArrayList<>(lines);
        limitLine(lines, limit, unit).ifPresent(all::add);
        List<Line> kept = new ArrayList<>(all.size());
        for (Line line : all) {
            kept.add(downsampled(line, maxPoints));
        }
        return new Plot(kept, PlotRange.time(all), PlotRange.values(all, unit.equals("%")));
    }

    /**
     * Shows a prepared plot; call on the FX thread. The lines are drawn as one image off the FX thread; the series
     * stay (no points) for the legend and the lines' styles.
     */
    public void show(Plot next) {
        plot = next;
        next.x().applyTo((NumberAxis) getXAxis());
        next.y().applyTo((NumberAxis) getYAxis());
        boolean sameLines = getData().size() == next.lines().size();
        for (int k = 0; sameLines && k < next.lines().size(); k++) {
            sameLines = next.lines().get(k).name().equals(getData().get(k).getName());
        }
        if (!sameLines) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>(next.lines().size());
            for (Line line : next.lines()) {
                series.add(new XYChart.Series<>(line.name(), FXCollections.observableArrayList()));
            }
            getData().setAll(series);
            // A new theme restyles the lines: draw them again in the new colours.
            for (XYChart.Series<Number, Number> s : series) {
                if (s.getNode() instanceof Path path) {
                    path.strokeProperty().addListener(o -> requestChartLayout());
                    path.strokeWidthProperty().addListener(o -> requestChartLayout());
                }
            }
        }
        requestChartLayout();
    }

    /** The plot whose lines the chart shows now (its image is drawn): null until the first. */
    public ReadOnlyObjectProperty<Plot> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** The limit as a two-point line over the time the data covers, named as the legend reads it. */
    private static Optional<Line> limitLine(List<Line> lines, double limit, String unit) {
        double first = lines.stream().filter(l -> l.x().length > 0).mapToDouble(l -> l.x()[0]).min().orElse(Double.NaN);
        double last = lines.stream().filter(l -> l.x().length > 0).mapToDouble(l -> l.x()[l.x().length - 1]).max()
                .orElse(Double.NaN);
        if (!Double.isFinite(limit) || !Double.isFinite(first)) {
            return Optional.empty();
        }
        String name = String.format(Locale.ROOT, "limit %s %s", new BigDecimal(Double.toString(limit))
                .stripTrailingZeros().toPlainString(), unit).trim();
        return Optional.of(new Line(name, new double[] {first, last}, new double[] {limit, limit}));
    }

    /** The release's moments to mark on the time axis; call on the FX thread. */
    public void mark(List<ChartMarks.Mark> moments) {
        getPlotChildren().removeAll(markLines);
        getPlotChildren().removeAll(markLabels);
        markLines.clear();
        markLabels.clear();
        marks.clear();
        marks.addAll(moments);
        for (ChartMarks.Mark mark : moments) {
            javafx.scene.shape.Line line = new javafx.scene.shape.Line();
            line.getStyleClass().add("chart-mark");
            Text label = new Text(mark.label());
            label.getStyleClass().add("chart-mark-label");
            if (mark.warning()) {
                line.getStyleClass().add("mark-warning");
                label.getStyleClass().add("mark-warning");
            }
            line.setManaged(false);
            label.setManaged(false);
            markLines.add(line);
            markLabels.add(label);
        }
        getPlotChildren().addAll(markLines);
        getPlotChildren().addAll(markLabels);
        requestChartLayout();
    }

    /** The labels of the marks within the time the chart shows now. */
    public List<String> visibleMarks() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            if (markLines.get(i).isVisible()) {
                visible.add(marks.get(i).label());
            }
        }
        return visible;
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
        layoutMarks();
        layoutMarkers();
        lines.draw(plot, (NumberAxis) getXAxis(), (NumberAxis) getYAxis(), getData(), drawn::set);
    }

    private void layoutMarks() {
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int i = 0; i < marks.size(); i++) {
            double seconds = marks.get(i).at().getEpochSecond();
            boolean inside = seconds >= x.getLowerBound() && seconds <= x.getUpperBound() && !getData().isEmpty();
            javafx.scene.shape.Line line = markLines.get(i);
            Text label = markLabels.get(i);
            line.setVisible(inside);
            label.setVisible(inside);
            double at = x.getDisplayPosition(seconds);
            line.setStartX(at);
            line.setEndX(at);
            line.setStartY(0);
            line.setEndY(height);
            label.setX(at + 3);
            // Alternate heights so that close marks do not write over each other.
            label.setY(12 + (i % 3) * 12);
        }
    }

    private void layoutMarkers() {
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

    private static Line downsampled(Line line, int maxPoints) {
        if (line.x().length <= maxPoints) {
            return line;
        }
        int[] kept = Downsampler.lttb(line.x(), line.y(), maxPoints);
        double[] x = new double[kept.length];
        double[] y = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            x[i] = line.x()[kept[i]];
            y[i] = line.y()[kept[i]];
        }
        return new Line(line.name(), x, y);
    }
}
