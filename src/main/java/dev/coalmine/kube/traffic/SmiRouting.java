package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SMI (Linkerd and other meshes): a TrafficSplit Coalmine creates with S as its root Service and the track Services as
 * its backends. An operator's TrafficSplit for S is never taken over: the mesh would have two splits for one root.
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
        objects.list(kind, t.namespace()).stream().filter(o -> !t.owner().ours(o))
                .filter(o -> t.serviceName().equals(Trees.text(RoutingObjects.spec(o), "service"))).findFirst()
                .ifPresent(o -> {
                    throw new CoalmineException("TrafficSplit " + o.getMetadata().getName() + " already splits Service "
                            + t.serviceName() + " in namespace " + t.namespace() + "; Coalmine will not add a second "
                            + "split for the same root: remove it for the release, or choose another --traffic");
                });
        return List.of(new RoutingRecord(kind.apiVersion(), kind.kind(), t.serviceName() + "-coalmine", null));
    }

    @Override
    public List<GenericKubernetesResource> render(RouteTarget t, List<RoutingRecord> records, int weight) {
        List<Map<String, Object>> backends = new ArrayList<>();
        backends.add(Trees.of("service", t.stableName(), "weight", t.stableWeight(weight)));
        backends.add(Trees.of("service", t.canaryName(), "weight", weight));
        if (t.baseline()) {
            backends.add(Trees.of("service", t.baselineName(), "weight", weight));
        }
        return List.of(objects.created(kind, t.owner(), records.get(0).name(), Trees.of("service", t.serviceName(),
                "backends", backends)));
    }

    @Override
    public int carriedWeight(RouteTarget t, List<RoutingRecord> records) {
        GenericKubernetesResource live = objects.get(kind, t.namespace(), records.get(0).name());
        return live == null ? -1 : Trees.maps(RoutingObjects.spec(live), "backends").stream()
                .filter(b -> t.canaryName().equals(Trees.text(b, "service")))
                .mapToInt(b -> Trees.number(b, "weight", -1)).findFirst().orElse(-1);
    }
}
