package dev.coalmine.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-off as Argo Rollouts objects: an {@code AnalysisTemplate} with one Prometheus metric per judged metric,
 * and a {@code Rollout} that references the Deployment ({@code workloadRef}, scaled down once the Rollout is
 * healthy) with the steps {@code setWeight} (the canary's share), then {@code analysis} (automatic judge) or an
 * indefinite {@code pause} (a person promotes). Pure: maps and lists ready to be written as YAML or JSON.
 */
public final class ArgoRolloutRendering {
    private ArgoRolloutRendering() {
    }

    /**
     * What the hand-off does to objects it does not render, said before anything is applied: an autoscaler of the
     * Deployment stops scaling once the Rollout has scaled the Deployment down, and Coalmine does not retarget it.
     */
    public static List<String> notes(HandOff h) {
        if (h.autoscaler() == null) {
            return List.of();
        }
        return List.of("HorizontalPodAutoscaler " + h.autoscaler() + " scales Deployment " + h.deployment()
                + ", which Argo Rollouts scales to 0 once the Rollout is healthy; " + h.autoscaler() + " then scales "
                + "nothing: point its scaleTargetRef at the Rollout (apiVersion argoproj.io/v1alpha1, kind Rollout, name "
                + h.deployment() + "). Coalmine leaves it as it is: it changes no object it did not create");
    }

    public static List<Map<String, Object>> render(HandOff h) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (h.automatic()) {
            objects.add(analysisTemplate(h));
        }
        objects.add(rollout(h));
        return objects;
    }

    static Map<String, Object> analysisTemplate(HandOff h) {
        List<Object> metrics = new ArrayList<>();
        for (EngineMetric m : h.metrics()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", m.slug());
            metric.put("interval", h.intervalText());
            metric.put("initialDelay", h.intervalText());
            metric.put("count", h.passingChecks());
            metric.put("failureLimit", h.maxFailedChecks() - 1);
            metric.put("successCondition", m.min().isPresent() ? "result[0] >= " + number(m.min().getAsDouble())
                    : "result[0] <= " + number(m.max().getAsDouble()));
            metric.put("provider", Map.of("prometheus", ordered("address", h.prometheusAddress(),
                    "query", query(m.query(), h.intervalText()))));
            metrics.add(metric);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("args", List.of(Map.of("name", "namespace"), Map.of("name", "deployment")));
        spec.put("metrics", metrics);
        return object("AnalysisTemplate", h.analysisName(), h, spec);
    }

    static Map<String, Object> rollout(HandOff h) {
        List<Object> steps = new ArrayList<>();
        steps.add(Map.of("setWeight", h.canaryWeight()));
        if (h.automatic()) {
            steps.add(Map.of("analysis", ordered("templates", List.of(Map.of("templateName", h.analysisName())),
                    "args", List.of(ordered("name", "namespace", "value", h.namespace()),
                            ordered("name", "deployment", "value", h.deployment())))));
        } else {
            steps.add(Map.of("pause", Map.of()));
        }
        Map<String, Object> canary = new LinkedHashMap<>();
        canary.put("canaryMetadata", Map.of("labels", Map.of("coalmine.dev/track", "canary")));
        canary.put("stableMetadata", Map.of("labels", Map.of("coalmine.dev/track", "stable")));
        canary.put("steps", steps);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", h.replicas());
        spec.put("selector", Map.of("matchLabels", new java.util.TreeMap<>(h.selector())));
        spec.put("workloadRef", ordered("apiVersion", "apps/v1", "kind", "Deployment", "name", h.deployment(),
                "scaleDown", "onsuccess"));
        spec.put("strategy", Map.of("canary", canary));
        return object("Rollout", h.deployment(), h, spec);
    }

    /** The canary's view of a Coalmine query: the Rollout's canary pods carry {@code coalmine.dev/track: canary}. */
    static String query(String coalmineQuery, String interval) {
        return coalmineQuery.replace("{{namespace}}", "{{args.namespace}}")
                .replace("{{deployment}}", "{{args.deployment}}").replace("{{workload}}", "{{args.deployment}}")
                .replace("{{track}}", "canary").replace("{{interval}}", interval);
    }

    static Map<String, Object> object(String kind, String name, HandOff h, Map<String, Object> spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "argoproj.io/v1alpha1");
        o.put("kind", kind);
        o.put("metadata", ordered("name", name, "namespace", h.namespace(), "labels",
                Map.of(HandOff.MANAGED_BY, "coalmine")));
        o.put("spec", spec);
        return o;
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Object number(double v) {
        return v == Math.rint(v) ? (Object) (long) v : (Object) v;
    }
}
