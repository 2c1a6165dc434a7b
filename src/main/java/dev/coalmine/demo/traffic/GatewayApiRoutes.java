package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** HTTPRoutes: the weighted Service backendRefs of the first rule that requests with a given header (or none) match. */
final class GatewayApiRoutes {
    private GatewayApiRoutes() {
    }

    static List<Route> of(List<JsonNode> httpRoutes, RequestHeader header) {
        List<Route> out = new ArrayList<>();
        for (JsonNode route : httpRoutes) {
            JsonNode rule = header.firstRule(route.path("spec").path("rules"), "matches");
            if (rule == null) {
                continue;
            }
            List<Route.Backend> backends = new ArrayList<>();
            for (JsonNode ref : rule.path("backendRefs")) {
                if (isService(ref)) {
                    backends.add(new Route.Backend(ref.path("name").asText(), Weights.of(ref.get("weight"), 1)));
                }
            }
            out.add(new Route(route.path("metadata").path("namespace").asText(), serviceParent(route),
                    "HTTPRoute/" + route.path("metadata").path("name").asText(), backends));
        }
        return out;
    }

    /** A route attached to a Service (the Gateway API's mesh attachment) routes that Service's requests. */
    private static String serviceParent(JsonNode route) {
        for (JsonNode parent : route.path("spec").path("parentRefs")) {
            if (isService(parent) && parent.has("kind")) {
                return parent.path("name").asText();
            }
        }
        return null;
    }

    private static boolean isService(JsonNode ref) {
        return ref.path("group").asText("").isEmpty() && ref.path("kind").asText("Service").equals("Service");
    }
}
