package dev.coalmine.ui.metrics;

import java.util.List;
import javafx.scene.chart.NumberAxis;

/**
 * One axis's range and tick unit, worked out from the data on any thread ({@code low} NaN: no data, the axis ranges
 * itself). Set ranges also keep a redraw from measuring the data again on the FX thread.
 */
public record PlotRange(double low, double high, double tick) {
    /** Tick units of the time axis, in seconds: steps a clock reads easily. */
    private static final double[] TIME_TICKS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 21600, 43200, 86400};
    /** At most this many ticks on the time axis, so its labels do not crowd. */
    private static final int MAX_TIME_TICKS = 8;
    private static final PlotRange AUTO = new PlotRange(Double.NaN, Double.NaN, Double.NaN);

    /** The time the lines cover, widened to whole ticks of a clock-friendly unit. */
    static PlotRange time(List<ComparisonChart.Line> lines) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (ComparisonChart.Line line : lines) {
            if (line.x().length > 0) {
                first = Math.min(first, line.x()[0]);
                last = Math.max(last, line.x()[line.x().length - 1]);
            }
        }
        if (!Double.isFinite(first)) {
            return AUTO;
        }
        double span = Math.max(1, last - first);
        double tick = TIME_TICKS[TIME_TICKS.length - 1];
        for (double unit : TIME_TICKS) {
            if (span / unit <= MAX_TIME_TICKS) {
                tick = unit;
                break;
            }
        }
        double low = Math.floor(first / tick) * tick;
        double high = Math.max(low + tick, Math.ceil(last / tick) * tick);
        return new PlotRange(low, high, tick);
    }

    /** Percentages span at least two points below their top; latencies and counts start at zero. */
    static PlotRange values(List<ComparisonChart.Line> lines, boolean percent) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ComparisonChart.Line line : lines) {
            for (double y : line.y()) {
                if (Double.isFinite(y)) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        if (!Double.isFinite(low)) {
            return AUTO;
        }
        if (percent) {
            double span = ComparisonChart.MIN_PERCENT_SPAN;
            double top = Math.min(100, Math.ceil(high + 0.25 * Math.max(high - low, span / 2)));
            double bottom = Math.max(0, Math.min(Math.floor(low - 0.1 * (top - low)), top - span));
            return nice(bottom, Math.max(top, bottom + span));
        }
        return nice(Math.min(0, low), high <= 0 ? 1 : high * 1.15);
    }

    private static PlotRange nice(double low, double high) {
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude >= 5 ? 5 * magnitude : raw / magnitude >= 2 ? 2 * magnitude : magnitude;
        return new PlotRange(low, high, step);
    }

    void applyTo(NumberAxis axis) {
        if (Double.isNaN(low)) {
            axis.setAutoRanging(true);
            return;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(low);
        axis.setUpperBound(high);
        axis.setTickUnit(tick);
    }

    /** Where {@code value} lies on an axis of {@code length} pixels: 0 at {@code low}. */
    double position(double value, double length) {
        return (value - low) / (high - low) * length;
    }
}
