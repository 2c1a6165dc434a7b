package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.metrics.MetricQuery;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.metrics.PrometheusService;
import dev.coalmine.metrics.QueryPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code start}'s judge options. They become the keys of the release's judge config that {@link JudgeSettings}
 * reads; that config is stored in the cluster, so credentials never go into it (they come from the environment).
 */
final class JudgeOptions {
    enum Judge { manual, auto }

    enum Source { demo, none }

    @Option(names = "--judge", paramLabel = "MODE", defaultValue = "manual",
            description = "manual (promote/reject by a person) or auto (the automatic judge decides; start then "
                    + "blocks until the end: exit 0 Succeeded, 3 Rejected, 1 Failed, 4 handed to a person).")
    Judge judge;

    @Option(names = "--analysis-interval", paramLabel = "DURATION", converter = PlanOptions.DurationConverter.class,
            description = "How often the automatic judge checks, e.g. 5s, 1m (default 30s).")
    Duration interval;

    @Option(names = "--max-failed-checks", paramLabel = "N",
            description = "Failed checks that reject the canary (default 2).")
    Integer maxFailedChecks;

    @Option(names = "--passing-checks", paramLabel = "N",
            description = "Passing checks in a row needed to promote (default 3).")
    Integer passingChecks;

    @Option(names = "--min-analysis-duration", paramLabel = "DURATION", converter = PlanOptions.DurationConverter.class,
            description = "No automatic promotion before the analysis has run this long (default 0s).")
    Duration minAnalysisDuration;

    @Option(names = "--min-success-rate", paramLabel = "PCT",
            description = "Lowest acceptable share of non-5xx responses of the canary, in percent (default 99).")
    Double minSuccessRate;

    @Option(names = "--max-latency-ms", paramLabel = "MS",
            description = "Highest acceptable canary latency (p99; NGINX: mean) in milliseconds (default 500).")
    Double maxLatencyMs;

    @Option(names = "--min-requests", paramLabel = "N",
            description = "Fewer canary requests in an interval make a check inconclusive instead of passing (default "
                    + ThresholdPolicy.DEFAULT_MIN_REQUESTS + "; 0 = any).")
    Integer minRequests;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus reachable from here, e.g. http://localhost:9090. Credentials come from "
                    + "$COALMINE_PROMETHEUS_TOKEN or $COALMINE_PROMETHEUS_USER/$COALMINE_PROMETHEUS_PASSWORD.")
    String prometheusUrl;

    @Option(names = "--prometheus-service", paramLabel = "NS/SVC:PORT",
            description = "In-cluster Prometheus through the API server's service proxy, e.g. monitoring/prometheus:9090.")
    String prometheusService;

    @Option(names = "--metrics-preset", paramLabel = "PRESET",
            description = "Queries for success rate and latency: istio, linkerd, nginx, demo, azure-sample "
                    + "(default: demo without Prometheus, else istio).")
    String preset;

    @Option(names = "--query", paramLabel = "NAME=PROMQL",
            description = "A custom metric (repeatable); placeholders {{namespace}}, {{deployment}}, {{track}}, "
                    + "{{workload}}, {{interval}}. NAME success-rate or latency replaces the preset's query.")
    List<String> queries = new ArrayList<>();

    @Option(names = "--metrics-source", paramLabel = "SOURCE",
            description = "Without --prometheus*: demo (the demo cluster's metrics, read directly; the default) or "
                    + "none (only pod health: restarts).")
    Source source;

    boolean automatic() {
        return judge == Judge.auto;
    }

    /** The judge of the plan; a judge option without {@code --judge auto}, or a bad value, is refused. */
    JudgeSpec toSpec() {
        Map<String, String> config = config();
        if (!automatic()) {
            if (!config.isEmpty()) {
                throw new CoalmineException("the options " + String.join(", ", given()) + " configure the automatic "
                        + "judge: add --judge auto");
            }
            return JudgeSpec.manual();
        }
        JudgeSettings.fromConfig(config);
        return JudgeSpec.automatic(config);
    }

    private Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        if (prometheusUrl != null && prometheusService != null) {
            throw new CoalmineException("give either --prometheus or --prometheus-service, not both");
        }
        if (prometheusUrl != null) {
            if (prometheusUrl.matches("(?i)https?://[^/]*@.*")) {
                throw new CoalmineException("--prometheus must not contain credentials (the judge settings are stored "
                        + "in the cluster): set " + PrometheusAuth.USER_VARIABLE + "/" + PrometheusAuth.PASSWORD_VARIABLE
                        + " or " + PrometheusAuth.TOKEN_VARIABLE + " instead");
            }
            config.put("source", "prometheus-url");
            config.put("prometheus-url", prometheusUrl.strip());
        } else if (prometheusService != null) {
            config.put("source", "prometheus-service");
            config.put("prometheus-service", PrometheusService.parse(prometheusService).toString());
        } else if (source != null) {
            config.put("source", source.name());
        }
        if (preset != null) {
            config.put("metrics-preset", QueryPreset.parse(preset).id());
        }
        for (String query : queries) {
            MetricQuery.parseCustom(query);
            int eq = query.indexOf('=');
            config.put(JudgeSettings.QUERY_PREFIX + query.substring(0, eq).strip(), query.substring(eq + 1).strip());
        }
        put(config, "interval", text(interval));
        put(config, "max-failed-checks", maxFailedChecks);
        put(config, "passing-checks", passingChecks);
        put(config, "min-analysis-duration", text(minAnalysisDuration));
        put(config, "min-success-rate", minSuccessRate);
        put(config, "max-latency-ms", maxLatencyMs);
        put(config, "min-requests", minRequests);
        return config;
    }

    private List<String> given() {
        List<String> names = new ArrayList<>();
        config().keySet().forEach(k -> names.add("--" + switch (k) {
            case "interval" -> "analysis-interval";
            case "prometheus-url", "source" -> prometheusUrl != null ? "prometheus"
                    : prometheusService != null ? "prometheus-service" : "metrics-source";
            default -> k.startsWith(JudgeSettings.QUERY_PREFIX) ? "query" : k;
        }));
        return names.stream().distinct().toList();
    }

    private static String text(Duration d) {
        return d == null ? null : d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static void put(Map<String, String> config, String key, Object value) {
        if (value != null) {
            config.put(key, String.valueOf(value));
        }
    }
}
