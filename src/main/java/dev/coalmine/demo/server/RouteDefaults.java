package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The defaults the HTTPRoute CRD's schema declares, which the API server writes into every stored route. */
final class RouteDefaults {
    private RouteDefaults() {
    }

    static void httpRoute(ObjectNode route) {
        if (!(route.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        for (JsonNode parent : spec.path("parentRefs")) {
            if (parent instanceof ObjectNode ref) {
                putIfMissing(ref, "group", "gateway.networking.k8s.io");
                putIfMissing(ref, "kind", "Gateway");
            }
        }
        if (!spec.has("rules")) {
            spec.putArray("rules").addObject();
        }
        for (JsonNode rule : spec.path("rules")) {
            if (!(rule instanceof ObjectNode r)) {
                continue;
            }
            if (!r.has("matches")) {
                r.putArray("matches").addObject().putObject("path").put("type", "PathPrefix").put("value", "/");
            }
            for (JsonNode backend : r.path("backendRefs")) {
                if (backend instanceof ObjectNode ref) {
                    putIfMissing(ref, "group", "");
                    putIfMissing(ref, "kind", "Service");
                    if (!ref.has("weight")) {
                        ref.put("weight", 1);
                    }
                }
            }
            for (JsonNode match : r.path("matches")) {
                if (match.get("path") instanceof ObjectNode path) {
                    putIfMissing(path, "type", "PathPrefix");
                    putIfMissing(path, "value", "/");
                }
            }
        }
    }

    private static void putIfMissing(ObjectNode node, String key, String value) {
        if (!node.has(key)) {
            node.put(key, value);
        }
    }
}
