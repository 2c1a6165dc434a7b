package dev.coalmine.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-off as Flagger objects: one {@code MetricTemplate} per judged metric and a {@code Canary} whose
 * {@code analysis} runs every interval, rolls back after {@code threshold} failed checks, and raises the canary's
 * weight by its share ({@code stepWeight}) up to its share times the passing checks Coalmine wants (at most 50 %),
 * so that as many passing checks precede promotion. Pure: maps and lists ready to be written as YAML or JSON.
 */
public final class FlaggerCanaryRendering {
    static final int MAX_WEIGHT_CAP = 50;

    private FlaggerCanaryRendering() {
    }

    /** What the hand-off means for the Deployment's autoscaler, said before anything is applied. */
    public static List<String> notes(HandOff h) {
        if (h.autoscaler() == null) {
            return List.of();
        }
        return List.of("HorizontalPodAutoscaler " + h.autoscaler() + " scales " + h.deployment() + ": Flagger takes it "
                + "over (autoscalerRef) and makes " + h.autoscaler() + "-primary for " + h.deployment() + "-primary, "
                + "which serves the requests; " + h.autoscaler() + " scales " + h.deployment() + ", the canary, during "
                + "an analysis");
    }

    public static List<Map<String, Object>> render(HandOff h) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (h.automatic()) {
            h.metrics().forEach(m -> objects.add(metricTemplate(h, m)));
        }
        objects.add(canary(h));
        return objects;
    }

    static Map<String, Object> metricTemplate(HandOff h, EngineMetric m) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("provider", ArgoRolloutRendering.ordered("type", "prometheus", "address", h.prometheusAddress()));
        spec.put("query", query(m.query()));
        return object("MetricTemplate", templateName(h, m), h, spec);
    }

    static Map<String, Object> canary(HandOff h) {
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("interval", h.intervalText());
        analysis.put("threshold", h.maxFailedChecks());
        analysis.put("maxWeight", maxWeight(h));
        analysis.put("stepWeight", Math.min(h.canaryWeight(), maxWeight(h)));
        List<Object> metrics = new ArrayList<>();
        if (h.automatic()) {
            for (EngineMetric m : h.metrics()) {
                Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("name", m.slug());
                metric.put("templateRef", Map.of("name", templateName(h, m)));
                metric.put("thresholdRange", m.min().isPresent()
                        ? Map.of("min", ArgoRolloutRendering.number(m.min().getAsDouble()))
                        : Map.of("max", ArgoRolloutRendering.number(m.max().getAsDouble())));
                metric.put("interval", h.intervalText());
                metrics.add(metric);
            }
        }
        analysis.put("metrics", metrics);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("targetRef", ArgoRolloutRendering.ordered("apiVersion", "apps/v1", "kind", "Deployment",
                "name", h.deployment()));
        if (h.autoscaler() != null) {
            // Flagger then makes <hpa>-primary for the primary Deployment, which serves the requests after the first analysis.
            spec.put("autoscalerRef", ArgoRolloutRendering.ordered("apiVersion", "autoscaling/v2",
                    "kind", "HorizontalPodAutoscaler", "name", h.autoscaler()));
        }
        spec.put("service", Map.of("port", h.servicePort()));
        spec.put("analysis", analysis);
        return object("Canary", h.deployment(), h, spec);
    }

    static int maxWeight(HandOff h) {
        return Math.max(h.canaryWeight(), Math.min(MAX_WEIGHT_CAP, h.canaryWeight() * h.passingChecks()));
    }

    /**
     * Flagger's view of a Coalmine query: the canary is the target Deployment itself, so its pods are found by
     * workload ({@code {{ target }}}), not by a track label.
     */
    static String query(String coalmineQuery) {
        return coalmineQuery.replace(",track=\"{{track}}\"", "").replace("track=\"{{track}}\",", "")
                .replace("{{namespace}}", "{{ namespace }}").replace("{{deployment}}", "{{ target }}")
                .replace("{{workload}}", "{{ target }}").replace("{{interval}}", "{{ interval }}");
    }

    private static String templateName(HandOff h, EngineMetric m) {
        return h.deployment() + "-" + m.slug();
    }

    private static Map<String, Object> object(String kind, String name, HandOff h, Map<String, Object> spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "flagger.app/v1beta1");
        o.put("kind", kind);
        o.put("metadata", ArgoRolloutRendering.ordered("name", name, "namespace", h.namespace(), "labels",
                Map.of(HandOff.MANAGED_BY, "coalmine")));
        o.put("spec", spec);
        return o;
    }
}
