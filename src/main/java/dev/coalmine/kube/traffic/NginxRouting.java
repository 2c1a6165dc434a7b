package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NGINX ingress: a canary Ingress {@code <ingress>-canary} copied from the operator's Ingress for S, with
 * {@code nginx.ingress.kubernetes.io/canary: "true"} and {@code canary-weight} (and {@code canary-by-header}), sending
 * to {@code <S>-canary}; the operator's Ingress sends to {@code <S>-stable} for the release. NGINX takes one canary
 * Ingress per host and path, so there is no baseline (the plan refuses one).
 */
final class NginxRouting implements RoutingProvider {
    static final String CANARY = "nginx.ingress.kubernetes.io/canary";
    static final String WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";
    static final String BY_HEADER = "nginx.ingress.kubernetes.io/canary-by-header";
    static final String BY_HEADER_VALUE = "nginx.ingress.kubernetes.io/canary-by-header-value";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private final RoutingObjects objects;

    NginxRouting(RoutingObjects objects) {
        this.objects = objects;
    }

    @Override
    public List<RoutingRecord> plan(RouteTarget t) {
        GenericKubernetesResource ingress = objects.list(RoutingKind.INGRESS, t.namespace()).stream()
                .filter(i -> !t.owner().ours(i) && !isCanary(i) && !backendsTo(RoutingObjects.spec(i), t.serviceName())
                        .isEmpty())
                .min(Comparator.comparing(i -> i.getMetadata().getName()))
                .orElseThrow(() -> new CoalmineException("no Ingress in namespace " + t.namespace() + " sends requests "
                        + "to Service " + t.serviceName() + ": NGINX canary routing copies the operator's Ingress; "
                        + "create one, or choose another --traffic"));
        String api = RoutingKind.INGRESS.apiVersion();
        return List.of(new RoutingRecord(api, "Ingress", ingress.getMetadata().getName(), objects.json(ingress)),
                new RoutingRecord(api, "Ingress", ingress.getMetadata().getName() + "-canary", null));
    }

    @Override
    public List<GenericKubernetesResource> render(RouteTarget t, List<RoutingRecord> records, int weight) {
        GenericKubernetesResource original = objects.parse(records.get(0).original());
        GenericKubernetesResource operators = objects.copy(original);
        backendsTo(RoutingObjects.spec(operators), t.serviceName()).forEach(b -> b.put("name", t.stableName()));
        Map<String, Object> canarySpec = RoutingObjects.spec(objects.copy(original));
        backendsTo(canarySpec, t.serviceName()).forEach(b -> b.put("name", t.canaryName()));
        canarySpec.remove("tls");
        GenericKubernetesResource canary = objects.created(RoutingKind.INGRESS, t.owner(), records.get(1).name(), canarySpec);
        Map<String, String> annotations = new LinkedHashMap<>(original.getMetadata().getAnnotations() == null ? Map.of()
                : original.getMetadata().getAnnotations());
        annotations.remove(LAST_APPLIED);
        annotations.put(CANARY, "true");
        annotations.put(WEIGHT, String.valueOf(weight));
        if (t.header() != null) {
            annotations.put(BY_HEADER, t.header().name());
            annotations.put(BY_HEADER_VALUE, t.header().value());
        }
        canary.getMetadata().setAnnotations(annotations);
        return List.of(operators, canary);
    }

    @Override
    public int carriedWeight(RouteTarget t, List<RoutingRecord> records) {
        GenericKubernetesResource canary = objects.get(RoutingKind.INGRESS, t.namespace(), records.get(1).name());
        if (canary == null || canary.getMetadata().getAnnotations() == null) {
            return -1;
        }
        try {
            return Integer.parseInt(canary.getMetadata().getAnnotations().getOrDefault(WEIGHT, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isCanary(GenericKubernetesResource ingress) {
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(CANARY));
    }

    /** The {@code service} blocks of every backend (default and per path) that name {@code service}, to edit in place. */
    private static List<Map<String, Object>> backendsTo(Map<String, Object> spec, String service) {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        addIfTo(Trees.map(Trees.map(spec, "defaultBackend"), "service"), service, out);
        for (Map<String, Object> rule : Trees.maps(spec, "rules")) {
            for (Map<String, Object> path : Trees.maps(Trees.map(rule, "http"), "paths")) {
                addIfTo(Trees.map(Trees.map(path, "backend"), "service"), service, out);
            }
        }
        return out;
    }

    private static void addIfTo(Map<String, Object> backendService, String service, List<Map<String, Object>> out) {
        if (service.equals(Trees.text(backendService, "name"))) {
            out.add(backendService);
        }
    }
}
