package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ingresses as ingress-nginx reads them: a canary Ingress ({@code nginx.ingress.kubernetes.io/canary: "true"})
 * takes {@code canary-weight} out of {@code canary-weight-total} (default 100) of the requests for the hosts it
 * shares with the main Ingress; the main Ingress's backend takes the rest. Before the weight, {@code canary-by-header}
 * decides for requests carrying that header: with {@code canary-by-header-value} (or {@code -pattern}) a matching
 * value goes to the canary; without, {@code always} goes to the canary and {@code never} to the main backend; any
 * other request falls through to the weight.
 */
final class NginxCanaries {
    static final String CANARY = "nginx.ingress.kubernetes.io/canary";
    static final String WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";
    static final String WEIGHT_TOTAL = "nginx.ingress.kubernetes.io/canary-weight-total";
    static final String BY_HEADER = "nginx.ingress.kubernetes.io/canary-by-header";
    static final String BY_HEADER_VALUE = "nginx.ingress.kubernetes.io/canary-by-header-value";
    static final String BY_HEADER_PATTERN = "nginx.ingress.kubernetes.io/canary-by-header-pattern";

    private NginxCanaries() {
    }

    static List<Route> of(List<JsonNode> ingresses, RequestHeader header) {
        List<JsonNode> canaries = ingresses.stream().filter(NginxCanaries::isCanary).toList();
        List<Route> out = new ArrayList<>();
        for (JsonNode main : ingresses) {
            String backend = backendService(main);
            if (isCanary(main) || backend.isEmpty()) {
                continue;
            }
            String namespace = main.path("metadata").path("namespace").asText();
            List<Route.Backend> backends = new ArrayList<>();
            JsonNode canary = canaries.stream().filter(c -> c.path("metadata").path("namespace").asText()
                    .equals(namespace) && hosts(c).stream().anyMatch(hosts(main)::contains)).findFirst().orElse(null);
            if (canary == null) {
                backends.add(new Route.Backend(backend, 1));
            } else {
                JsonNode annotations = canary.path("metadata").path("annotations");
                double total = Weights.parse(annotations.path(WEIGHT_TOTAL).asText(), 100);
                double weight = switch (byHeader(annotations, header)) {
                    case ALWAYS -> total;
                    case NEVER -> 0;
                    case BY_WEIGHT -> Math.min(total, Weights.parse(annotations.path(WEIGHT).asText(), 0));
                };
                backends.add(new Route.Backend(backend, total - weight));
                backends.add(new Route.Backend(backendService(canary), weight));
            }
            out.add(new Route(namespace, null, "Ingress/" + main.path("metadata").path("name").asText(), backends));
        }
        return out;
    }

    private enum Decision { ALWAYS, NEVER, BY_WEIGHT }

    private static Decision byHeader(JsonNode annotations, RequestHeader header) {
        String name = annotations.path(BY_HEADER).asText("");
        String value = annotations.path(BY_HEADER_VALUE).asText("");
        String pattern = annotations.path(BY_HEADER_PATTERN).asText("");
        if (!value.isEmpty() || !pattern.isEmpty()) {
            boolean matches = value.isEmpty() ? header.carries(name, "regex", pattern)
                    : header.carries(name, "exact", value);
            return matches ? Decision.ALWAYS : Decision.BY_WEIGHT;
        }
        if (header.carries(name, "exact", "always")) {
            return Decision.ALWAYS;
        }
        return header.carries(name, "exact", "never") ? Decision.NEVER : Decision.BY_WEIGHT;
    }

    private static boolean isCanary(JsonNode ingress) {
        return ingress.path("metadata").path("annotations").path(CANARY).asText().equals("true");
    }

    private static String backendService(JsonNode ingress) {
        JsonNode spec = ingress.path("spec");
        String fallback = spec.path("defaultBackend").path("service").path("name").asText();
        for (JsonNode rule : spec.path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String service = path.path("backend").path("service").path("name").asText();
                if (!service.isEmpty()) {
                    return service;
                }
            }
        }
        return fallback;
    }

    private static Set<String> hosts(JsonNode ingress) {
        Set<String> hosts = new HashSet<>();
        ingress.path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText("")));
        if (hosts.isEmpty()) {
            hosts.add("");
        }
        return hosts;
    }
}
