package dev.coalmine.core.judge;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the automatic judge is configured with. The wizard and the CLI build it; it is stored with the release,
 * so credentials are never part of it (they come from the environment).
 *
 * @param preset        the query preset's id (istio, linkerd, nginx, demo, azure-sample)
 * @param customQueries PromQL by metric name; a name of the preset's replaces its query
 */
public record JudgeSettings(MetricsLocation location, String preset, Map<String, String> customQueries, Duration interval,
                            ThresholdPolicy thresholds, AnalysisPolicy analysis, StatisticalPolicy statistics) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    public JudgeSettings {
        customQueries = Map.copyOf(customQueries);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CoalmineException("The analysis interval must be at least 1s, got " + Durations.format(interval) + ".");
        }
    }

    /** The defaults for metrics read at {@code location}: the demo's own preset there, Istio's elsewhere. */
    public static JudgeSettings defaults(MetricsLocation location) {
        return new JudgeSettings(location, location instanceof MetricsLocation.DemoCluster ? "demo" : "istio", Map.of(),
                DEFAULT_INTERVAL, ThresholdPolicy.defaults(), AnalysisPolicy.defaults(), StatisticalPolicy.defaults());
    }

    public JudgeSettings withPreset(String value) {
        return new JudgeSettings(location, value, customQueries, interval, thresholds, analysis, statistics);
    }

    public JudgeSettings withCustomQueries(Map<String, String> value) {
        return new JudgeSettings(location, preset, value, interval, thresholds, analysis, statistics);
    }

    public JudgeSettings withInterval(Duration value) {
        return new JudgeSettings(location, preset, customQueries, value, thresholds, analysis, statistics);
    }

    public JudgeSettings withThresholds(ThresholdPolicy value) {
        return new JudgeSettings(location, preset, customQueries, interval, value, analysis, statistics);
    }

    public JudgeSettings withAnalysis(AnalysisPolicy value) {
        return new JudgeSettings(location, preset, customQueries, interval, thresholds, value, statistics);
    }

    public JudgeSettings withStatistics(StatisticalPolicy value) {
        return new JudgeSettings(location, preset, customQueries, interval, thresholds, analysis, value);
    }
}
