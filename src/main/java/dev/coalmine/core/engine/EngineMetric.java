package dev.coalmine.core.engine;

import java.util.OptionalDouble;

/**
 * One judged metric handed to an engine: Coalmine's name, its PromQL with Coalmine's placeholders
 * ({@code {{namespace}}}, {@code {{deployment}}}, {@code {{workload}}}, {@code {{track}}}, {@code {{interval}}}), and
 * the judge's limit: a minimum (success rate) or a maximum (latency).
 */
public record EngineMetric(String name, String query, OptionalDouble min, OptionalDouble max) {
    public EngineMetric {
        if (min.isEmpty() == max.isEmpty()) {
            throw new IllegalArgumentException("a handed-off metric has either a minimum or a maximum: " + name);
        }
    }

    /** A name as Kubernetes and the engines accept it: {@code success rate} → {@code success-rate}. */
    public String slug() {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
