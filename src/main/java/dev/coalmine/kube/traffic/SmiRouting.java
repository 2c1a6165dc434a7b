package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * SMI (Linkerd and other meshes): a TrafficSplit with S as its root Service and the track Services as its backends.
 * The operator's TrafficSplit for S is used when there is one (its backend S becomes the track Services, other
 * backends stay, restored exactly at the end): a mesh takes one split per root. Without one, Coalmine creates it.
 */
final class SmiRouting implements RoutingProvider {
    private final RoutingObjects objects;
    private final RoutingKind kind;

    SmiRouting(RoutingObjects objects, String version) {
        this.objects = objects;
        this.kind = RoutingKind.trafficSplit(version);
    }

    @Override
    public List<RoutingRecord> plan(RouteTarget t) {
        return objects.list(kind, t.namespace()).stream().filter(o -> !t.owner().ours(o))
                .filter(o -> t.serviceName().equals(Trees.text(RoutingObjects.spec(o), "service")))
                .min(Comparator.comparing(o -> o.getMetadata().getName()))
                .map(o -> List.of(new RoutingRecord(kind.apiVersion(), kind.kind(), o.getMetadata().getName(),
                        objects.json(o))))
                .orElseGet(() -> List.of(new RoutingRecord(kind.apiVersion(), kind.kind(),
                        t.serviceName() + "-coalmine", null)));
    }

    @Override
    public List<GenericKubernetesResource> render(RouteTarget t, List<RoutingRecord> records, int weight) {
        RoutingRecord split = records.get(0);
        List<Map<String, Object>> backends = new ArrayList<>();
        if (!split.createdByCoalmine()) {
            Trees.maps(RoutingObjects.spec(objects.parse(split.original())), "backends").stream()
                    .filter(b -> !t.serviceName().equals(Trees.text(b, "service"))).forEach(backends::add);
        }
        backends.add(Trees.of("service", t.stableName(), "weight", t.stableWeight(weight)));
        backends.add(Trees.of("service", t.canaryName(), "weight", weight));
        if (t.baseline()) {
            backends.add(Trees.of("service", t.baselineName(), "weight", weight));
        }
        if (split.createdByCoalmine()) {
            return List.of(objects.created(kind, t.owner(), split.name(), Trees.of("service", t.serviceName(),
                    "backends", backends)));
        }
        GenericKubernetesResource desired = objects.parse(split.original());
        RoutingObjects.spec(desired).put("backends", backends);
        return List.of(desired);
    }

    @Override
    public int carriedWeight(RouteTarget t, List<RoutingRecord> records) {
        GenericKubernetesResource live = objects.get(kind, t.namespace(), records.get(0).name());
        return live == null ? -1 : Trees.maps(RoutingObjects.spec(live), "backends").stream()
                .filter(b -> t.canaryName().equals(Trees.text(b, "service")))
                .mapToInt(b -> Trees.number(b, "weight", -1)).findFirst().orElse(-1);
    }
}
