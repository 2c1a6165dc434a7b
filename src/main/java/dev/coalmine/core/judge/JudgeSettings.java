package dev.coalmine.core.judge;

import dev.coalmine.core.CoalmineException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the automatic judge is configured with, read from and written to the release's opaque judge
 * config ({@code JudgeSpec.config()}), which the wizard and the CLI fill. Keys: {@code source}
 * (demo | prometheus-url | prometheus-service | none), {@code prometheus-url}, {@code prometheus-service},
 * {@code metrics-preset}, {@code query.NAME} (PromQL), {@code min-success-rate}, {@code max-latency-ms}
 * ({@code none} = not checked), {@code min-requests}, {@code interval}, {@code max-failed-checks}, {@code passing-checks},
 * {@code max-inconclusive-checks}, {@code min-analysis-duration}, {@code confidence}, {@code min-points}.
 * Credentials are never part of it: the config is stored in the cluster.
 */
public record JudgeSettings(MetricsLocation location, String preset, Map<String, String> customQueries, Duration interval,
                            ThresholdPolicy thresholds, AnalysisPolicy analysis, StatisticalPolicy statistics) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    public static final String QUERY_PREFIX = "query.";

    public JudgeSettings {
        customQueries = Map.copyOf(customQueries);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CoalmineException("The analysis interval must be at least 1s, got " + format(interval) + ".");
        }
    }

    public static JudgeSettings fromConfig(Map<String, String> config) {
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
        String preset = config.getOrDefault("metrics-preset", source.equals("demo") ? "demo" : "istio");
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
                read(config, "min-analysis-duration", "0s", JudgeSettings::parseDuration)));
        StatisticalPolicy statistics = checked("statistics", () -> StatisticalPolicy.defaults()
                .withConfidence(read(config, "confidence", "0.98", Double::parseDouble))
                .withMinPoints(read(config, "min-points", "5", Integer::parseInt)));
        return new JudgeSettings(location, preset, queries, read(config, "interval", "30s", JudgeSettings::parseDuration),
                thresholds, analysis, statistics);
    }

    /** The config map that {@link #fromConfig} reads back to equal settings. */
    public Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        if (location instanceof MetricsLocation.PrometheusUrl url) {
            config.put("source", "prometheus-url");
            config.put("prometheus-url", url.url());
        } else if (location instanceof MetricsLocation.PrometheusService service) {
            config.put("source", "prometheus-service");
            config.put("prometheus-service", service.namespaceServicePort());
        } else {
            config.put("source", location instanceof MetricsLocation.DemoCluster ? "demo" : "none");
        }
        config.put("metrics-preset", preset);
        customQueries.forEach((name, promql) -> config.put(QUERY_PREFIX + name, promql));
        config.put("min-success-rate", number(thresholds.minSuccessRatePercent()));
        config.put("max-latency-ms", number(thresholds.maxLatencyMs()));
        config.put("min-requests", String.valueOf(thresholds.minRequests()));
        config.put("interval", format(interval));
        config.put("max-failed-checks", String.valueOf(analysis.maxFailedChecks()));
        config.put("passing-checks", String.valueOf(analysis.passingChecksToPromote()));
        config.put("max-inconclusive-checks", String.valueOf(analysis.maxInconclusiveChecks()));
        config.put("min-analysis-duration", format(analysis.minAnalysisDuration()));
        config.put("confidence", String.valueOf(statistics.confidence()));
        config.put("min-points", String.valueOf(statistics.minPoints()));
        return config;
    }

    /** Reads {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} (also ISO-8601 such as {@code PT30S}). */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 10s, 1m or 500ms");
        }
    }

    private static String format(Duration d) {
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

    private static <T> T checked(String what, java.util.function.Supplier<T> build) {
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
