package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.RoutingRecord;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** One router's objects for a release: which it needs, how they look at a weight, and what weight they carry. */
interface RoutingProvider {
    /**
     * What the release will create or change, the operator's objects copied as they are now. Throws a
     * CoalmineException saying what to do when this router cannot split S's requests.
     */
    List<RoutingRecord> plan(RouteTarget target);

    /** Every recorded object as it must be with the canary at {@code weight}, in the order to write them. */
    List<GenericKubernetesResource> render(RouteTarget target, List<RoutingRecord> records, int weight);

    /** The canary weight the live objects carry, or -1 when they are not in the release's shape. */
    int carriedWeight(RouteTarget target, List<RoutingRecord> records);

    /** Objects besides the stable track Service that pin stable to its ReplicaSet (Istio's subsets), rendered. */
    default List<GenericKubernetesResource> pins(RouteTarget target, List<RoutingRecord> records) {
        return List.of();
    }
}
