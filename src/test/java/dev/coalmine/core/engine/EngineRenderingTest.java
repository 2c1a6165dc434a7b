package dev.coalmine.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The rendered objects field by field against the projects' documented examples: each expected value below is
 * copied from the page named beside it, and the hand-off is given the inputs that page's example implies.
 */
@SuppressWarnings("unchecked")
class EngineRenderingTest {
    private static final String ISTIO_SUCCESS = "sum(rate(istio_requests_total{destination_workload=\"{{workload}}\","
            + "response_code!~\"5.*\"}[{{interval}}])) / sum(rate(istio_requests_total{destination_workload="
            + "\"{{workload}}\"}[{{interval}}])) * 100";

    @Test
    void argoRolloutMatchesTheWorkloadRefExampleOfTheMigratingPage() {
        // argo-rollouts docs/migrating.md, "Reference Deployment From Rollout"
        HandOff h = new HandOff("default", "rollout-ref-deployment", 5, Map.of("app", "rollout-ref-deployment"), 8080,
                20, false, Duration.ofMinutes(5), 3, 4, List.of(), "http://prometheus.example.com:9090");
        List<Map<String, Object>> objects = ArgoRolloutRendering.render(h);
        assertThat(objects).hasSize(1).as("a person promotes: no AnalysisTemplate");
        Map<String, Object> rollout = objects.get(0);
        assertThat(rollout).containsEntry("apiVersion", "argoproj.io/v1alpha1").containsEntry("kind", "Rollout");
        assertThat(at(rollout, "metadata", "name")).isEqualTo("rollout-ref-deployment");
        assertThat(at(rollout, "spec", "replicas")).isEqualTo(5);
        assertThat(at(rollout, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "rollout-ref-deployment"));
        assertThat(at(rollout, "spec", "workloadRef", "apiVersion")).isEqualTo("apps/v1");
        assertThat(at(rollout, "spec", "workloadRef", "kind")).isEqualTo("Deployment");
        assertThat(at(rollout, "spec", "workloadRef", "name")).isEqualTo("rollout-ref-deployment");
        assertThat(at(rollout, "spec", "workloadRef", "scaleDown")).isEqualTo("onsuccess");
        List<?> steps = (List<?>) at(rollout, "spec", "strategy", "canary", "steps");
        assertThat(steps.get(0)).isEqualTo(Map.of("setWeight", 20));
        // docs/migrating.md's first example ends with an indefinite pause: `- pause: {}`
        assertThat(steps.get(1)).isEqualTo(Map.of("pause", Map.of()));
    }

    @Test
    void argoAnalysisTemplateMatchesTheBackgroundAnalysisExampleOfTheAnalysisPage() {
        // argo-rollouts docs/features/analysis.md, "Background Analysis": interval 5m, failureLimit 3,
        // address http://prometheus.example.com:9090, successCondition result[0] >= 0.95 (there a ratio, here percent)
        HandOff h = new HandOff("default", "guestbook", 4, Map.of("app", "guestbook"), 80, 20, true,
                Duration.ofMinutes(5), 1, 4, List.of(new EngineMetric("success rate", ISTIO_SUCCESS,
                        OptionalDouble.of(95), OptionalDouble.empty())), "http://prometheus.example.com:9090");
        List<Map<String, Object>> objects = ArgoRolloutRendering.render(h);
        Map<String, Object> template = objects.get(0);
        assertThat(template).containsEntry("kind", "AnalysisTemplate");
        Map<?, ?> metric = (Map<?, ?>) ((List<?>) at(template, "spec", "metrics")).get(0);
        assertThat(metric.get("name")).isEqualTo("success-rate");
        assertThat(metric.get("interval")).isEqualTo("5m");
        assertThat(metric.get("failureLimit")).isEqualTo(3);
        assertThat(metric.get("successCondition")).isEqualTo("result[0] >= 95");
        assertThat(at(metric, "provider", "prometheus", "address")).isEqualTo("http://prometheus.example.com:9090");
        assertThat((String) at(metric, "provider", "prometheus", "query")).contains("destination_workload=\"{{args.deployment}}\"",
                "[5m]").doesNotContain("{{workload}}", "{{interval}}");
        assertThat((List<Object>) at(template, "spec", "args")).contains(Map.of("name", "namespace"), (Object) Map.of("name", "deployment"));
        // docs/features/analysis.md, "Analysis Step": steps: - analysis: templates: - templateName: success-rate
        Map<?, ?> analysis = (Map<?, ?>) ((Map<?, ?>) ((List<?>) at(objects.get(1), "spec", "strategy", "canary", "steps"))
                .get(1)).get("analysis");
        assertThat(analysis.get("templates")).isEqualTo(List.of(Map.of("templateName", "guestbook-coalmine")));
        assertThat((List<Object>) analysis.get("args")).contains((Object) Map.of("name", "deployment", "value", "guestbook"));
    }

    @Test
    void flaggerCanaryMatchesTheCanaryResourceExampleOfHowItWorks() {
        // flagger docs/gitbook/usage/how-it-works.md, "Canary resource": targetRef apps/v1 Deployment podinfo,
        // service.port 9898, analysis interval 1m, threshold 10, maxWeight 50, stepWeight 5,
        // metrics request-success-rate thresholdRange.min 99 interval 1m, request-duration thresholdRange.max 500
        HandOff h = new HandOff("test", "podinfo", 2, Map.of("app", "podinfo"), 9898, 5, true, Duration.ofMinutes(1),
                10, 10, List.of(new EngineMetric("request success rate", ISTIO_SUCCESS, OptionalDouble.of(99),
                        OptionalDouble.empty()), new EngineMetric("request duration", "histogram_quantile(0.99, x)",
                        OptionalDouble.empty(), OptionalDouble.of(500))), "http://prometheus.istio-system:9090");
        List<Map<String, Object>> objects = FlaggerCanaryRendering.render(h);
        Map<String, Object> canary = objects.get(objects.size() - 1);
        assertThat(canary).containsEntry("apiVersion", "flagger.app/v1beta1").containsEntry("kind", "Canary");
        assertThat(at(canary, "spec", "targetRef")).isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "name", "podinfo"));
        assertThat(at(canary, "spec", "service", "port")).isEqualTo(9898);
        assertThat(at(canary, "spec", "analysis", "interval")).isEqualTo("1m");
        assertThat(at(canary, "spec", "analysis", "threshold")).isEqualTo(10);
        assertThat(at(canary, "spec", "analysis", "maxWeight")).isEqualTo(50);
        assertThat(at(canary, "spec", "analysis", "stepWeight")).isEqualTo(5);
        List<?> metrics = (List<?>) at(canary, "spec", "analysis", "metrics");
        assertThat(((Map<?, ?>) metrics.get(0)).get("name")).isEqualTo("request-success-rate");
        assertThat(((Map<?, ?>) metrics.get(0)).get("thresholdRange")).isEqualTo(Map.of("min", 99L));
        assertThat(((Map<?, ?>) metrics.get(0)).get("interval")).isEqualTo("1m");
        assertThat(((Map<?, ?>) metrics.get(1)).get("name")).isEqualTo("request-duration");
        assertThat(((Map<?, ?>) metrics.get(1)).get("thresholdRange")).isEqualTo(Map.of("max", 500L));
        assertThat(((Map<?, ?>) metrics.get(0)).get("templateRef")).isEqualTo(Map.of("name", "podinfo-request-success-rate"));
    }

    @Test
    void anAutoscaledDeploymentGivesFlaggerItsAutoscalerAndArgoANoteOnly() {
        // flagger docs/gitbook/usage/how-it-works.md, "Canary resource": autoscalerRef apiVersion autoscaling/v2,
        // kind HorizontalPodAutoscaler, name podinfo
        HandOff h = new HandOff("test", "podinfo", 2, Map.of("app", "podinfo"), 9898, 5, true, Duration.ofMinutes(1),
                10, 10, List.of(), "http://prometheus.istio-system:9090", "podinfo");
        HandOff unscaled = new HandOff("test", "podinfo", 2, Map.of("app", "podinfo"), 9898, 5, true,
                Duration.ofMinutes(1), 10, 10, List.of(), "http://prometheus.istio-system:9090");

        List<Map<String, Object>> flagger = FlaggerCanaryRendering.render(h);
        assertThat(at(flagger.get(flagger.size() - 1), "spec", "autoscalerRef")).isEqualTo(Map.of("apiVersion",
                "autoscaling/v2", "kind", "HorizontalPodAutoscaler", "name", "podinfo"));
        assertThat(FlaggerCanaryRendering.notes(h)).singleElement().asString().contains("podinfo-primary");
        List<Map<String, Object>> plain = FlaggerCanaryRendering.render(unscaled);
        assertThat(((Map<?, ?>) plain.get(plain.size() - 1).get("spec")).containsKey("autoscalerRef")).isFalse();
        assertThat(FlaggerCanaryRendering.notes(unscaled)).isEmpty();

        assertThat(ArgoRolloutRendering.render(h)).isEqualTo(ArgoRolloutRendering.render(unscaled));
        assertThat(ArgoRolloutRendering.notes(h)).singleElement().asString().contains("scaleTargetRef", "kind Rollout");
        assertThat(ArgoRolloutRendering.notes(unscaled)).isEmpty();
    }

    @Test
    void flaggerMetricTemplateMatchesTheCustomMetricsExample() {
        // flagger docs/gitbook/usage/metrics.md, "Prometheus": provider type prometheus, address
        // http://prometheus.istio-system:9090; queries use {{ namespace }}, {{ target }} and {{ interval }}
        HandOff h = new HandOff("test", "podinfo", 2, Map.of("app", "podinfo"), 9898, 5, true, Duration.ofMinutes(1),
                3, 3, List.of(new EngineMetric("success rate", ISTIO_SUCCESS, OptionalDouble.of(99),
                        OptionalDouble.empty())), "http://prometheus.istio-system:9090");
        Map<String, Object> template = FlaggerCanaryRendering.render(h).get(0);
        assertThat(template).containsEntry("apiVersion", "flagger.app/v1beta1").containsEntry("kind", "MetricTemplate");
        assertThat(at(template, "spec", "provider", "type")).isEqualTo("prometheus");
        assertThat(at(template, "spec", "provider", "address")).isEqualTo("http://prometheus.istio-system:9090");
        assertThat((String) at(template, "spec", "query")).contains("destination_workload=\"{{ target }}\"",
                "[{{ interval }}]");
    }

    @Test
    void theDemoPresetsTrackMatcherIsDroppedForFlaggerWhoseCanaryIsTheTargetItself() {
        String demo = "sum(rate(http_requests_total{namespace=\"{{namespace}}\",deployment=~\"{{deployment}}"
                + "(-canary|-baseline)?\",track=\"{{track}}\",code!~\"5..\"}[{{interval}}]))";
        assertThat(FlaggerCanaryRendering.query(demo)).isEqualTo("sum(rate(http_requests_total{namespace="
                + "\"{{ namespace }}\",deployment=~\"{{ target }}(-canary|-baseline)?\",code!~\"5..\"}[{{ interval }}]))");
        assertThat(ArgoRolloutRendering.query(demo, "30s")).contains("track=\"canary\"", "deployment=~\"{{args.deployment}}",
                "[30s]");
        assertThat(HandOff.weightOf(1, 4)).isEqualTo(25);
        assertThat(HandOff.weightOf(1, 300)).isEqualTo(1);
    }

    private static Object at(Object root, String... path) {
        Object node = root;
        for (String p : path) {
            node = ((Map<?, ?>) node).get(p);
        }
        return node;
    }
}
