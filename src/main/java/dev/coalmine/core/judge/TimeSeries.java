package dev.coalmine.core.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Values of one metric over time, oldest first. */
public record TimeSeries(List<Point> points) {
    public record Point(Instant at, double value) {
        public Point {
            if (at == null) {
                throw new IllegalArgumentException("a point needs a time");
            }
        }
    }

    public TimeSeries {
        points = points.stream().sorted(Comparator.comparing(Point::at)).toList();
    }

    public static TimeSeries empty() {
        return new TimeSeries(List.of());
    }

    /** Evenly spaced values starting at {@code start}, one every {@code step}. */
    public static TimeSeries of(Instant start, Duration step, double... values) {
        List<Point> points = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            points.add(new Point(start.plus(step.multipliedBy(i)), values[i]));
        }
        return new TimeSeries(points);
    }

    /**
     * The finite values. A NaN is what Prometheus answers for a step without traffic (0 / 0): it is not
     * evidence either way, so it is left out.
     */
    public double[] values() {
        return points.stream().mapToDouble(Point::value).filter(Double::isFinite).toArray();
    }

    /** How many finite values there are. */
    public int size() {
        return values().length;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The points at or after {@code from}. */
    public TimeSeries since(Instant from) {
        return new TimeSeries(points.stream().filter(p -> !p.at().isBefore(from)).toList());
    }

    /** The newest finite value. */
    public OptionalDouble last() {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (Double.isFinite(points.get(i).value())) {
                return OptionalDouble.of(points.get(i).value());
            }
        }
        return OptionalDouble.empty();
    }
}
