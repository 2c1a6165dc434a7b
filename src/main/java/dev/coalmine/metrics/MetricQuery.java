package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.Track;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL template for one metric of one track. Placeholders (spaces inside the braces allowed):
 * {@code {{namespace}}}, {@code {{deployment}}} (the release's name), {@code {{track}}} (stable, baseline, canary),
 * {@code {{workload}}} (the track's Deployment: name, name-baseline, name-canary), {@code {{pods}}} (matchers of the
 * track's pod labels, for an engine's release whose tracks share a workload) and {@code {{interval}}} (e.g. 30s).
 */
public record MetricQuery(MetricSpec spec, String template) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");
    private static final Set<String> KNOWN = Set.of("namespace", "deployment", "track", "workload", "pods", "interval");

    public MetricQuery {
        if (template == null || template.isBlank()) {
            throw new CoalmineException("The query for " + spec.name() + " is empty: give a PromQL expression.");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new CoalmineException("Unknown placeholder {{" + m.group(1) + "}} in the query for " + spec.name()
                        + ": use {{namespace}}, {{deployment}}, {{track}}, {{workload}}, {{pods}} or {{interval}}.");
            }
        }
    }

    /** The PromQL for one track of the target. */
    public String render(MetricTarget target, Track track) {
        TrackSelection selection = target.selection(track).orElseThrow(() -> new IllegalArgumentException(
                "the target " + target.deployment() + " selects no " + track.label() + " track"));
        Map<String, String> values = Map.of(
                "namespace", target.namespace(),
                "deployment", target.deployment(),
                "track", track.label(),
                "workload", selection.workload(),
                "pods", selection.promqlMatchers(),
                "interval", target.promqlInterval());
        return PLACEHOLDER.matcher(template).replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
    }

    /**
     * An operator's {@code NAME=PROMQL}. A name of a preset metric ({@code success-rate}, {@code latency}) keeps
     * that metric's unit and direction, so the custom query replaces the preset's; any other name is compared
     * both ways.
     */
    public static MetricQuery parseCustom(String nameEqualsPromql) {
        int eq = nameEqualsPromql == null ? -1 : nameEqualsPromql.indexOf('=');
        if (eq <= 0 || eq == nameEqualsPromql.length() - 1) {
            throw new CoalmineException("A custom query must look like NAME=PROMQL, e.g. "
                    + "errors=sum(rate(http_requests_total{code=~\"5..\",track=\"{{track}}\"}[{{interval}}])); got '"
                    + nameEqualsPromql + "'.");
        }
        String name = nameEqualsPromql.substring(0, eq).trim().replace('-', ' ').replace('_', ' ');
        String promql = nameEqualsPromql.substring(eq + 1).trim();
        MetricSpec spec = switch (name) {
            case MetricSpec.SUCCESS_RATE -> MetricSpec.successRate();
            // An operator's own latency query: what it aggregates is not known, so it is not labelled p99.
            case MetricSpec.LATENCY -> MetricSpec.latency().withStatistic("");
            default -> MetricSpec.custom(name);
        };
        return new MetricQuery(spec, promql);
    }
}
