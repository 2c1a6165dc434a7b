package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gateway API: the backendRef to S in the operator's HTTPRoute becomes the track Services with weights (the route's
 * parents, hostnames, matches, filters and other rules untouched). Without one, Coalmine creates an HTTPRoute whose
 * parent is S itself (the GAMMA mesh form Linkerd and Istio read). A header match is a rule of its own, placed before.
 */
final class GatewayApiRouting implements RoutingProvider {
    private final RoutingObjects objects;
    private final RoutingKind kind;

    GatewayApiRouting(RoutingObjects objects, String version) {
        this.objects = objects;
        this.kind = RoutingKind.httpRoute(version);
    }

    @Override
    public List<RoutingRecord> plan(RouteTarget t) {
        return objects.list(kind, t.namespace()).stream()
                .filter(r -> !t.owner().ours(r) && routesTo(r, t.serviceName()))
                .min(Comparator.comparing(r -> r.getMetadata().getName()))
                .map(r -> List.of(new RoutingRecord(kind.apiVersion(), kind.kind(), r.getMetadata().getName(),
                        objects.json(r))))
                .orElseGet(() -> List.of(new RoutingRecord(kind.apiVersion(), kind.kind(), t.serviceName() + "-coalmine",
                        null)));
    }

    @Override
    public List<GenericKubernetesResource> render(RouteTarget t, List<RoutingRecord> records, int weight) {
        RoutingRecord route = records.get(0);
        if (route.createdByCoalmine()) {
            Map<String, Object> spec = Trees.of("parentRefs", List.of(Trees.of("group", "", "kind", "Service",
                    "name", t.serviceName(), "port", t.port())), "rules", withHeaderRule(t,
                    List.of(Trees.of("backendRefs", tracks(t, weight, t.port())))));
            return List.of(objects.created(kind, t.owner(), route.name(), spec));
        }
        GenericKubernetesResource original = objects.parse(route.original());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> rule : Trees.maps(RoutingObjects.spec(original), "rules")) {
            List<Map<String, Object>> refs = Trees.maps(rule, "backendRefs");
            Map<String, Object> toS = refs.stream().filter(ref -> isService(ref, Set.of(t.serviceName()))).findFirst()
                    .orElse(null);
            if (toS == null) {
                rules.add(rule);
                continue;
            }
            int port = Trees.number(toS, "port", t.port());
            List<Map<String, Object>> newRefs = new ArrayList<>(refs.stream()
                    .filter(ref -> !isService(ref, Set.of(t.serviceName()))).toList());
            newRefs.addAll(tracks(t, weight, port));
            Map<String, Object> changed = new java.util.LinkedHashMap<>(rule);
            changed.put("backendRefs", newRefs);
            rules.addAll(withHeaderRule(t, List.of(changed)));
        }
        GenericKubernetesResource desired = objects.copy(original);
        RoutingObjects.spec(desired).put("rules", rules);
        return List.of(desired);
    }

    @Override
    public int carriedWeight(RouteTarget t, List<RoutingRecord> records) {
        GenericKubernetesResource live = objects.get(kind, t.namespace(), records.get(0).name());
        if (live == null) {
            return -1;
        }
        for (Map<String, Object> rule : Trees.maps(RoutingObjects.spec(live), "rules")) {
            List<Map<String, Object>> refs = Trees.maps(rule, "backendRefs");
            if (refs.stream().anyMatch(ref -> isService(ref, Set.of(t.stableName())))) {
                return refs.stream().filter(ref -> isService(ref, Set.of(t.canaryName())))
                        .mapToInt(ref -> Trees.number(ref, "weight", 1)).findFirst().orElse(-1);
            }
        }
        return -1;
    }

    private static boolean routesTo(GenericKubernetesResource route, String service) {
        return Trees.maps(RoutingObjects.spec(route), "rules").stream().flatMap(r -> Trees.maps(r, "backendRefs").stream())
                .anyMatch(ref -> isService(ref, Set.of(service)));
    }

    private static boolean isService(Map<String, Object> ref, Set<String> names) {
        String group = Trees.text(ref, "group");
        String refKind = Trees.text(ref, "kind");
        return names.contains(Trees.text(ref, "name")) && (group == null || group.isEmpty())
                && (refKind == null || "Service".equals(refKind));
    }

    private static List<Map<String, Object>> tracks(RouteTarget t, int weight, int port) {
        List<Map<String, Object>> refs = new ArrayList<>();
        refs.add(Trees.of("name", t.stableName(), "port", port, "weight", t.stableWeight(weight)));
        refs.add(Trees.of("name", t.canaryName(), "port", port, "weight", weight));
        if (t.baseline()) {
            refs.add(Trees.of("name", t.baselineName(), "port", port, "weight", weight));
        }
        return refs;
    }

    /** With a header match, a rule before each changed one sends the matching requests to the canary alone. */
    private static List<Map<String, Object>> withHeaderRule(RouteTarget t, List<Map<String, Object>> rules) {
        if (t.header() == null) {
            return rules;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            List<Map<String, Object>> matches = Trees.maps(rule, "matches");
            if (matches.isEmpty()) {
                matches = List.of(Trees.of("path", Trees.of("type", "PathPrefix", "value", "/")));
            }
            List<Map<String, Object>> withHeader = new ArrayList<>();
            for (Map<String, Object> match : matches) {
                Map<String, Object> m = new java.util.LinkedHashMap<>(match);
                List<Object> headers = new ArrayList<>(Trees.maps(match, "headers"));
                headers.add(Trees.of("type", "Exact", "name", t.header().name(), "value", t.header().value()));
                m.put("headers", headers);
                withHeader.add(m);
            }
            int port = Trees.maps(rule, "backendRefs").stream().filter(ref -> isService(ref, Set.of(t.canaryName())))
                    .mapToInt(ref -> Trees.number(ref, "port", t.port())).findFirst().orElse(t.port());
            out.add(Trees.of("matches", withHeader, "backendRefs", List.of(Trees.of("name", t.canaryName(), "port", port))));
            out.add(rule);
        }
        return out;
    }
}
