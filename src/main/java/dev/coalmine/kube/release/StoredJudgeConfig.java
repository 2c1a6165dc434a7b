package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.StatisticalPolicy;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The judge settings as the release ConfigMap stores them: the flat key/value {@code config} of the first versions,
 * kept so that stored releases and older consoles still read (see the decision record {@code judge-settings.md}).
 * Only this class knows the keys: {@code source} (demo | prometheus-url | prometheus-service | none),
 * {@code prometheus-url}, {@code prometheus-service}, {@code metrics-preset}, {@code query.NAME} (PromQL),
 * {@code min-success-rate}, {@code max-latency-ms} ({@code none} = not checked), {@code min-requests},
 * {@code interval}, {@code max-failed-checks}, {@code passing-checks}, {@code max-inconclusive-checks},
 * {@code min-analysis-duration}, {@code confidence}, {@code min-points}.
 */
final class StoredJudgeConfig {
    private static final String QUERY_PREFIX = "query.";

    private StoredJudgeConfig() {
    }

    static Map<String, String> write(JudgeSettings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        MetricsLocation location = settings.location();
        if (location instanceof MetricsLocation.PrometheusUrl url) {
            config.put("source", "prometheus-url");
            config.put("prometheus-url", url.url());
        } else if (location instanceof MetricsLocation.PrometheusService service) {
            config.put("source", "prometheus-service");
            config.put("prometheus-service", service.namespaceServicePort());
        } else {
            config.put("source", location instanceof MetricsLocation.DemoCluster ? "demo" : "none");
        }
        config.put("metrics-preset", settings.preset());
        settings.customQueries().forEach((name, promql) -> config.put(QUERY_PREFIX + name, promql));
        ThresholdPolicy thresholds = settings.thresholds();
        config.put("min-success-rate", number(thresholds.minSuccessRatePercent()));
        config.put("max-latency-ms", number(thresholds.maxLatencyMs()));
        config.put("min-requests", String.valueOf(thresholds.minRequests()));
        config.put("interval", duration(settings.interval()));
        AnalysisPolicy analysis = settings.analysis();
        config.put("max-failed-checks", String.valueOf(analysis.maxFailedChecks()));
        config.put("passing-checks", String.valueOf(analysis.passingChecksToPromote()));
        config.put("max-inconclusive-checks", String.valueOf(analysis.maxInconclusiveChecks()));
        config.put("min-analysis-duration", duration(analysis.minAnalysisDuration()));
        config.put("confidence", String.valueOf(settings.statistics().confidence()));
        config.put("min-points", String.valueOf(settings.statistics().minPoints()));
        return config;
    }

    static JudgeSettings read(Map<String, String> config) {
        String source = config.getOrDefault("source", config.containsKey("prometheus-url") ? "prometheus-url"
                : config.containsKey("prometheus-service") ? "prometheus-service" : "demo");
        MetricsLocation location = switch (source) {
            case "demo" -> config.containsKey("prometheus-url")
                    ? new MetricsLocation.PrometheusUrl(config.get("prometheus-url")) : new MetricsLocation.DemoCluster();
            case "prometheus-url" -> new MetricsLocation.PrometheusUrl(required(config, "prometheus-url"));
            case "prometheus-service" -> new MetricsLocation.PrometheusService(required(config, "prometheus-service"));
            case "none" -> new MetricsLocation.KubernetesOnly();
            default -> throw new CoalmineException("Unknown metrics source '" + source
                    + "' in the judge settings: use demo, prometheus-url, prometheus-service or none.");
        };
        Map<String, String> queries = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(QUERY_PREFIX)) {
                queries.put(k.substring(QUERY_PREFIX.length()), v);
            }
        });
        OptionalDouble minSuccess = optionalNumber(config, "min-success-rate", 99);
        OptionalDouble maxLatency = optionalNumber(config, "max-latency-ms", 500);
        ThresholdPolicy thresholds = checked("thresholds", () -> new ThresholdPolicy(minSuccess, maxLatency, 0,
                read(config, "min-requests", String.valueOf(ThresholdPolicy.DEFAULT_MIN_REQUESTS), Integer::parseInt)));
        AnalysisPolicy analysis = checked("analysis", () -> new AnalysisPolicy(
                read(config, "max-failed-checks", "2", Integer::parseInt),
                read(config, "passing-checks", "3", Integer::parseInt),
                read(config, "max-inconclusive-checks", "3", Integer::parseInt),
                read(config, "min-analysis-duration", "0s", Durations::parse)));
        StatisticalPolicy statistics = checked("statistics", () -> StatisticalPolicy.defaults()
                .withConfidence(read(config, "confidence", "0.98", Double::parseDouble))
                .withMinPoints(read(config, "min-points", "5", Integer::parseInt)));
        String preset = config.getOrDefault("metrics-preset", source.equals("demo") ? "demo" : "istio");
        return new JudgeSettings(location, preset, queries, read(config, "interval", "30s", Durations::parse),
                thresholds, analysis, statistics);
    }

    /** Whole seconds or milliseconds, which consoles from before the Go grammar also read (they refuse 1m30s). */
    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "none";
    }

    private static OptionalDouble optionalNumber(Map<String, String> config, String key, double fallback) {
        String text = config.getOrDefault(key, String.valueOf(fallback)).strip();
        return text.equalsIgnoreCase("none") ? OptionalDouble.empty()
                : OptionalDouble.of(read(config, key, String.valueOf(fallback), Double::parseDouble));
    }

    private static <T> T read(Map<String, String> config, String key, String fallback, Function<String, T> parse) {
        String text = config.getOrDefault(key, fallback).strip();
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new CoalmineException("The judge setting " + key + " = '" + text + "' is not valid ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").");
        }
    }

    private static <T> T checked(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CoalmineException("The judge's " + what + " settings are not valid: " + e.getMessage() + ".");
        }
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new CoalmineException("The judge settings name no " + key + ": give one or choose another metrics source.");
        }
        return value.strip();
    }
}
