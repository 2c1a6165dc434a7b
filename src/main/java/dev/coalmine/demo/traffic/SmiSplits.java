package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** SMI TrafficSplits: the apex Service's requests shared among the backend Services by weight. */
final class SmiSplits {
    private SmiSplits() {
    }

    static List<Route> of(List<JsonNode> splits, ServiceNames names) {
        List<Route> out = new ArrayList<>();
        for (JsonNode split : splits) {
            String namespace = split.path("metadata").path("namespace").asText();
            String apex = split.path("spec").path("service").asText();
            List<Route.Backend> backends = new ArrayList<>();
            for (JsonNode b : split.path("spec").path("backends")) {
                backends.add(new Route.Backend(b.path("service").asText(), Weights.of(b.get("weight"), 0)));
            }
            out.add(new Route(namespace, names.resolve(namespace, apex).orElse(apex),
                    "TrafficSplit/" + split.path("metadata").path("name").asText(), backends));
        }
        return out;
    }
}
