package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VirtualServices: the weighted destinations of the first HTTP route that requests with a given header (or none)
 * match, each a Service host and optionally a subset whose pod labels come from the DestinationRule for that host.
 */
final class IstioRoutes {
    private IstioRoutes() {
    }

    static List<Route> of(List<JsonNode> virtualServices, List<JsonNode> destinationRules, ServiceNames names,
            RequestHeader header) {
        List<Route> out = new ArrayList<>();
        for (JsonNode vs : virtualServices) {
            String namespace = vs.path("metadata").path("namespace").asText();
            JsonNode http = header.firstRule(vs.path("spec").path("http"), "match");
            if (http == null) {
                continue;
            }
            JsonNode destinations = http.path("route");
            double whenMissing = destinations.size() == 1 ? 100 : 0;
            List<Route.Backend> backends = new ArrayList<>();
            for (JsonNode d : destinations) {
                Optional<String> service = names.resolve(namespace, d.path("destination").path("host").asText());
                String subset = d.path("destination").path("subset").asText("");
                double weight = Weights.of(d.get("weight"), whenMissing);
                Optional<Map<String, String>> labels = service.flatMap(s ->
                        subsetLabels(destinationRules, names, namespace, s, subset));
                // An unknown host or subset has no endpoints: its share of the requests fails, as in the mesh.
                backends.add(labels.isPresent() ? new Route.Backend(service.get(), labels.get(), weight)
                        : new Route.Backend("", weight));
            }
            out.add(new Route(namespace, host(vs, names, namespace),
                    "VirtualService/" + vs.path("metadata").path("name").asText(), backends));
        }
        return out;
    }

    private static String host(JsonNode vs, ServiceNames names, String namespace) {
        for (JsonNode host : vs.path("spec").path("hosts")) {
            Optional<String> service = names.resolve(namespace, host.asText());
            if (service.isPresent()) {
                return service.get();
            }
        }
        return null;
    }

    private static Optional<Map<String, String>> subsetLabels(List<JsonNode> rules, ServiceNames names,
            String namespace, String service, String subset) {
        if (subset.isEmpty()) {
            return Optional.of(Map.of());
        }
        for (JsonNode rule : rules) {
            boolean forService = rule.path("metadata").path("namespace").asText().equals(namespace)
                    && names.resolve(namespace, rule.path("spec").path("host").asText()).equals(Optional.of(service));
            if (!forService) {
                continue;
            }
            for (JsonNode s : rule.path("spec").path("subsets")) {
                if (s.path("name").asText().equals(subset)) {
                    Map<String, String> labels = new HashMap<>();
                    s.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    return Optional.of(labels);
                }
            }
        }
        return Optional.empty();
    }
}
