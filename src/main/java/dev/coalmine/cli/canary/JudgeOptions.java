package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
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
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code start}'s judge options. They become the release's {@link JudgeSettings}, which are stored in the cluster,
 * so credentials never go into them (they come from the environment).
 */
final class JudgeOptions {
    enum Judge { manual, auto }

    enum Source { demo, none }

    @Option(names = "--judge", paramLabel = "MODE", defaultValue = "manual",
            description = "manual (promote/reject by a person) or auto (the automatic judge decides; start then "
                    + "blocks until the end: exit 0 Succeeded, 3 Rejected, 1 Failed, 4 handed to a person).")
    Judge judge;

    @Option(names = "--analysis-interval", paramLabel = "DURATION", converter = PlanOptions.DurationConverter.class,
            description = "How often the automatic judge checks, e.g. 5s, 1m30s (default 30s).")
    Duration interval;

    @Option(names = "--max-failed-checks", paramLabel = "N",
            description = "Failed checks that reject the canary (default 2).")
    Integer maxFailedChecks;

    @Option(names = "--passing-checks", paramLabel = "N",
            description = "Passing checks in a row needed to promote (default 3).")
    Integer passingChecks;

    @Option(names = "--min-analysis-duration", paramLabel = "DURATION",
            converter = PlanOptions.ZeroOrMoreDurationConverter.class,
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
    /** What the judge will look at, said before the release starts when it is less than one might assume. */
    Optional<String> scopeNotice() {
        if (!automatic() || !(location() instanceof MetricsLocation.KubernetesOnly)) {
            return Optional.empty();
        }
        return Optional.of("judge: --metrics-source none: the automatic judge checks pod health only (readiness, "
                + "restarts, OOM kills; CPU and memory when the cluster serves metrics.k8s.io), not success rate or "
                + "latency");
    }

    JudgeSpec toSpec() {
        JudgeSettings settings = settings();
        if (!automatic()) {
            List<String> given = given();
            if (!given.isEmpty()) {
                throw new CoalmineException("the options " + String.join(", ", given) + " configure the automatic "
                        + "judge: add --judge auto");
            }
            return JudgeSpec.manual();
        }
        return JudgeSpec.automatic(settings);
    }

    private JudgeSettings settings() {
        JudgeSettings settings = JudgeSettings.defaults(location());
        if (preset != null) {
            settings = settings.withPreset(QueryPreset.parse(preset).id());
        }
        Map<String, String> custom = new LinkedHashMap<>();
        for (String query : queries) {
            MetricQuery.parseCustom(query);
            int eq = query.indexOf('=');
            custom.put(query.substring(0, eq).strip(), query.substring(eq + 1).strip());
        }
        settings = settings.withCustomQueries(custom);
        if (interval != null) {
            settings = settings.withInterval(interval);
        }
        return settings.withThresholds(valid("thresholds", () -> thresholds(ThresholdPolicy.defaults())))
                .withAnalysis(valid("analysis", () -> analysis(AnalysisPolicy.defaults())));
    }

    private MetricsLocation location() {
        if (prometheusUrl != null && prometheusService != null) {
            throw new CoalmineException("give either --prometheus or --prometheus-service, not both");
        }
        if (prometheusUrl != null) {
            if (prometheusUrl.matches("(?i)https?://[^/]*@.*")) {
                throw new CoalmineException("--prometheus must not contain credentials (the judge settings are stored "
                        + "in the cluster): set " + PrometheusAuth.USER_VARIABLE + "/" + PrometheusAuth.PASSWORD_VARIABLE
                        + " or " + PrometheusAuth.TOKEN_VARIABLE + " instead");
            }
            if (!prometheusUrl.strip().matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
                throw new CoalmineException("--prometheus needs an http:// or https:// URL such as "
                        + "http://localhost:9090; got '" + prometheusUrl.strip() + "'");
            }
            return new MetricsLocation.PrometheusUrl(prometheusUrl.strip());
        }
        if (prometheusService != null) {
            return new MetricsLocation.PrometheusService(PrometheusService.parse(prometheusService).toString());
        }
        return source == Source.none ? new MetricsLocation.KubernetesOnly() : new MetricsLocation.DemoCluster();
    }

    private ThresholdPolicy thresholds(ThresholdPolicy policy) {
        ThresholdPolicy p = minSuccessRate == null ? policy : policy.withMinSuccessRate(minSuccessRate);
        p = maxLatencyMs == null ? p : p.withMaxLatencyMs(maxLatencyMs);
        return minRequests == null ? p : p.withMinRequests(minRequests);
    }

    private AnalysisPolicy analysis(AnalysisPolicy policy) {
        AnalysisPolicy p = maxFailedChecks == null ? policy : policy.withMaxFailedChecks(maxFailedChecks);
        p = passingChecks == null ? p : p.withPassingChecksToPromote(passingChecks);
        return minAnalysisDuration == null ? p : p.withMinAnalysisDuration(minAnalysisDuration);
    }

    private static <T> T valid(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CoalmineException("the judge's " + what + " settings are not valid: " + e.getMessage());
        }
    }

    private List<String> given() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("--prometheus", prometheusUrl);
        options.put("--prometheus-service", prometheusService);
        options.put("--metrics-source", source);
        options.put("--metrics-preset", preset);
        options.put("--query", queries.isEmpty() ? null : queries);
        options.put("--analysis-interval", interval);
        options.put("--max-failed-checks", maxFailedChecks);
        options.put("--passing-checks", passingChecks);
        options.put("--min-analysis-duration", minAnalysisDuration);
        options.put("--min-success-rate", minSuccessRate);
        options.put("--max-latency-ms", maxLatencyMs);
        options.put("--min-requests", minRequests);
        return options.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
    }
}
