package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Istio: subsets {@code coalmine-stable|canary|baseline} of S in a DestinationRule (the operator's for S, or one
 * Coalmine creates), and in the VirtualService for S only the routes whose destination is S change: they go to the
 * subsets with weights. Hosts, gateways, matches and other routes stay. Without a VirtualService for S, Coalmine
 * creates one for the mesh. A header match is a route of its own ({@value #HEADER_ROUTE}) placed before.
 */
final class IstioRouting implements RoutingProvider {
    static final String HEADER_ROUTE = "coalmine-canary-by-header";
    private static final String STABLE = "coalmine-stable";
    private static final String CANARY = "coalmine-canary";
    private static final String BASELINE = "coalmine-baseline";
    private final RoutingObjects objects;
    private final RoutingKind virtualService;
    private final RoutingKind destinationRule;

    IstioRouting(RoutingObjects objects, String version) {
        this.objects = objects;
        this.virtualService = RoutingKind.virtualService(version);
        this.destinationRule = RoutingKind.destinationRule(version);
    }

    @Override
    public List<RoutingRecord> plan(RouteTarget t) {
        Set<String> hosts = hostNames(t);
        RoutingRecord rule = find(destinationRule, t, dr -> hosts.contains(Trees.text(RoutingObjects.spec(dr), "host")))
                .orElse(new RoutingRecord(destinationRule.apiVersion(), destinationRule.kind(),
                        t.serviceName() + "-coalmine", null));
        RoutingRecord service = find(virtualService, t, vs -> Trees.maps(RoutingObjects.spec(vs), "http").stream()
                .anyMatch(http -> routesTo(http, hosts)))
                .orElse(new RoutingRecord(virtualService.apiVersion(), virtualService.kind(),
                        t.serviceName() + "-coalmine", null));
        return List.of(rule, service);
    }

    @Override
    public List<GenericKubernetesResource> render(RouteTarget t, List<RoutingRecord> records, int weight) {
        return List.of(destinationRule(t, records.get(0)), virtualService(t, records.get(1), weight));
    }

    @Override
    public List<GenericKubernetesResource> pins(RouteTarget t, List<RoutingRecord> records) {
        return List.of(destinationRule(t, records.get(0)));
    }

    @Override
    public int carriedWeight(RouteTarget t, List<RoutingRecord> records) {
        GenericKubernetesResource live = objects.get(virtualService, t.namespace(), records.get(1).name());
        if (live == null) {
            return -1;
        }
        for (Map<String, Object> http : Trees.maps(RoutingObjects.spec(live), "http")) {
            List<Map<String, Object>> routes = Trees.maps(http, "route");
            if (routes.stream().anyMatch(r -> STABLE.equals(Trees.text(Trees.map(r, "destination"), "subset")))) {
                return routes.stream().filter(r -> CANARY.equals(Trees.text(Trees.map(r, "destination"), "subset")))
                        .mapToInt(r -> Trees.number(r, "weight", 0)).findFirst().orElse(-1);
            }
        }
        return -1;
    }

    private GenericKubernetesResource destinationRule(RouteTarget t, RoutingRecord record) {
        List<Map<String, Object>> subsets = new ArrayList<>();
        subsets.add(Trees.of("name", STABLE, "labels", Map.of("pod-template-hash", String.valueOf(t.stableHash()))));
        subsets.add(Trees.of("name", CANARY, "labels", TrackServices.trackSelector(t, "canary")));
        if (t.baseline()) {
            subsets.add(Trees.of("name", BASELINE, "labels", TrackServices.trackSelector(t, "baseline")));
        }
        if (record.createdByCoalmine()) {
            return objects.created(destinationRule, t.owner(), record.name(), Trees.of("host", t.serviceName(),
                    "subsets", subsets));
        }
        GenericKubernetesResource desired = objects.parse(record.original());
        List<Map<String, Object>> theirs = Trees.maps(RoutingObjects.spec(desired), "subsets");
        List<Map<String, Object>> all = new ArrayList<>(theirs);
        all.addAll(subsets);
        RoutingObjects.spec(desired).put("subsets", all);
        return desired;
    }

    private GenericKubernetesResource virtualService(RouteTarget t, RoutingRecord record, int weight) {
        if (record.createdByCoalmine()) {
            List<Map<String, Object>> http = withHeaderRoute(t, Trees.of("route", weighted(t, t.serviceName(), null,
                    weight)));
            return objects.created(virtualService, t.owner(), record.name(), Trees.of("hosts", List.of(t.serviceName()),
                    "http", http));
        }
        GenericKubernetesResource desired = objects.parse(record.original());
        Set<String> hosts = hostNames(t);
        List<Map<String, Object>> http = new ArrayList<>();
        for (Map<String, Object> entry : Trees.maps(RoutingObjects.spec(desired), "http")) {
            Map<String, Object> toS = Trees.maps(entry, "route").stream()
                    .filter(r -> hosts.contains(Trees.text(Trees.map(r, "destination"), "host"))).findFirst().orElse(null);
            if (toS == null) {
                http.add(entry);
                continue;
            }
            Map<String, Object> destination = Trees.map(toS, "destination");
            List<Map<String, Object>> routes = new ArrayList<>(Trees.maps(entry, "route").stream()
                    .filter(r -> r != toS).toList());
            routes.addAll(weighted(t, Trees.text(destination, "host"), Trees.map(destination, "port"), weight));
            Map<String, Object> changed = new LinkedHashMap<>(entry);
            changed.put("route", routes);
            http.addAll(withHeaderRoute(t, changed));
        }
        RoutingObjects.spec(desired).put("http", http);
        return desired;
    }

    private static List<Map<String, Object>> weighted(RouteTarget t, String host, Map<String, Object> port, int weight) {
        List<Map<String, Object>> routes = new ArrayList<>();
        Object p = port == null || port.isEmpty() ? null : port;
        routes.add(Trees.of("destination", Trees.of("host", host, "subset", STABLE, "port", p), "weight",
                t.stableWeight(weight)));
        routes.add(Trees.of("destination", Trees.of("host", host, "subset", CANARY, "port", p), "weight", weight));
        if (t.baseline()) {
            routes.add(Trees.of("destination", Trees.of("host", host, "subset", BASELINE, "port", p), "weight", weight));
        }
        return routes;
    }

    private static List<Map<String, Object>> withHeaderRoute(RouteTarget t, Map<String, Object> entry) {
        if (t.header() == null) {
            return List.of(entry);
        }
        List<Map<String, Object>> matches = Trees.maps(entry, "match");
        List<Map<String, Object>> withHeader = new ArrayList<>();
        Map<String, Object> header = Map.of(t.header().name(), Map.of("exact", t.header().value()));
        for (Map<String, Object> match : matches.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : matches) {
            Map<String, Object> m = new LinkedHashMap<>(match);
            Map<String, Object> headers = new LinkedHashMap<>(Trees.map(match, "headers"));
            headers.putAll(header);
            m.put("headers", headers);
            withHeader.add(m);
        }
        Map<String, Object> canaryOnly = Trees.maps(entry, "route").stream()
                .filter(r -> CANARY.equals(Trees.text(Trees.map(r, "destination"), "subset"))).findFirst()
                .map(r -> Trees.of("destination", r.get("destination"))).orElseThrow();
        return List.of(Trees.of("name", HEADER_ROUTE, "match", withHeader, "route", List.of(canaryOnly)), entry);
    }

    private static boolean routesTo(Map<String, Object> http, Set<String> hosts) {
        return Trees.maps(http, "route").stream().anyMatch(r -> hosts.contains(Trees.text(Trees.map(r, "destination"),
                "host")));
    }

    private Optional<RoutingRecord> find(RoutingKind kind, RouteTarget t,
                                         java.util.function.Predicate<GenericKubernetesResource> which) {
        return objects.list(kind, t.namespace()).stream().filter(o -> !t.owner().ours(o)).filter(which)
                .min(Comparator.comparing(o -> o.getMetadata().getName()))
                .map(o -> new RoutingRecord(kind.apiVersion(), kind.kind(), o.getMetadata().getName(), objects.json(o)));
    }

    /** The names S goes by in Istio hosts: short, with namespace, and fully qualified. */
    private static Set<String> hostNames(RouteTarget t) {
        String s = t.serviceName();
        String ns = t.namespace();
        return Set.of(s, s + "." + ns, s + "." + ns + ".svc", s + "." + ns + ".svc.cluster.local");
    }
}
