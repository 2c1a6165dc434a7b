package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.RoutingRecord;
import dev.coalmine.core.traffic.RoutingStatus;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.traffic.ReleaseRouting;
import dev.coalmine.kube.traffic.Route;
import dev.coalmine.kube.traffic.RoutingOwner;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** The release engine's door to weighted routing: the owner of a release's routing objects and its {@link Route}. */
final class ReleaseRoutes {
    private final ReleaseRouting routing;

    ReleaseRoutes(KubernetesClient client) {
        this.routing = new ReleaseRouting(client);
    }

    ReleaseRouting routing() {
        return routing;
    }

    /** Labels {@code managed-by: coalmine} and the workload, owned by stable like the release's other objects. */
    RoutingOwner owner(ReleasePlan plan, Deployment stable) {
        return new RoutingOwner(plan.namespace(), plan.deployment(), Map.of(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE,
                ReleaseNames.WORKLOAD, plan.deployment()), StableOwner.of(stable), ReleaseNames.TRACK);
    }

    /** The route of {@code state}, which must be weighted. */
    Route route(ReleaseState state, Deployment stable) {
        List<RoutingRecord> records = state.trafficIfAny().map(TrafficState::routing).orElse(List.of());
        return routing.route(state.plan(), records, stable, owner(state.plan(), stable));
    }

    /** What the routing of {@code state} looks like; nothing with the replica ratio. */
    RoutingStatus observe(ReleaseState state, Deployment stable) {
        return state.plan().weighted() && state.trafficIfAny().isPresent() ? route(state, stable).observe()
                : RoutingStatus.none();
    }
}
