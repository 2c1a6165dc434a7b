package dev.coalmine.metrics;

import dev.coalmine.core.judge.TimeSeries;
import java.util.Map;

/** One series of a Prometheus result: its labels and its points (one point for an instant query). */
public record PrometheusSeries(Map<String, String> labels, TimeSeries values) {
    public PrometheusSeries {
        labels = Map.copyOf(labels);
    }
}
