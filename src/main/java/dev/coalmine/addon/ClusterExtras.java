package dev.coalmine.addon;

import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.SimulatedMetrics;
import java.util.Optional;

/**
 * The parts an add-on registered for one connected cluster: its own simulated request metrics and the trainer's
 * controls. A real cluster has neither.
 */
public record ClusterExtras(Optional<SimulatedMetrics> simulatedMetrics, Optional<TrainerControls> trainer) {
    public static ClusterExtras none() {
        return new ClusterExtras(Optional.empty(), Optional.empty());
    }

    /** The metric sources the judge and the charts may open on this cluster. */
    public MetricSources metricSources() {
        return simulatedMetrics.map(MetricSources::withSimulated).orElseGet(MetricSources::standard);
    }

    /** Whether the cluster is a simulation (the demo): something registered parts for it. */
    public boolean simulated() {
        return simulatedMetrics.isPresent() || trainer.isPresent();
    }
}
