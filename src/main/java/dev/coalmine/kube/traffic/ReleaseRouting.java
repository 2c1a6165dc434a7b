package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.traffic.RoutingRecord;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The weighted routing of releases on one cluster: finds S and the router at the start, and gives each release a
 * {@link Route} that applies, observes and undoes its routing objects.
 */
public final class ReleaseRouting {
    private final KubernetesClient client;
    private final RoutingObjects objects;
    private final TrafficProviders providers;

    public ReleaseRouting(KubernetesClient client) {
        this.client = client;
        this.objects = new RoutingObjects(client);
        this.providers = new TrafficProviders(client);
    }

    /** The plan's traffic with S named, and the routing objects the release will create or change. */
    public record Prepared(TrafficPlan traffic, List<RoutingRecord> records) {
    }

    public TrafficProviders providers() {
        return providers;
    }

    /**
     * Before a weighted release starts: the router must be served, S is found (or checked), and what the release
     * will create or change is recorded, the operator's objects copied as they are now. Throws when it cannot route.
     */
    public Prepared prepare(ReleasePlan plan, Deployment stable, RoutingOwner owner) {
        TrafficPlan traffic = plan.traffic();
        TrafficProviders.Offer offer = providers.require(traffic.provider());
        Service s = new StableService(client).find(stable, traffic.service(), owner);
        TrafficPlan named = new TrafficPlan(traffic.provider(), s.getMetadata().getName(), traffic.steps(),
                traffic.interval(), traffic.pauses(), traffic.manualGate(), traffic.header());
        RouteTarget target = new RouteTarget(owner, s, plan.baseline(), traffic.header(), null);
        List<RoutingRecord> records = new ArrayList<>();
        for (String name : List.of(target.stableName(), target.canaryName(), target.baselineName())) {
            Service live = client.services().inNamespace(owner.namespace()).withName(name).get();
            if (live != null && !owner.ours(live)) {
                throw new CoalmineException(owner.refusal(live));
            }
            if (!name.equals(target.baselineName()) || plan.baseline()) {
                records.add(new RoutingRecord("v1", "Service", name, null));
            }
        }
        List<RoutingRecord> routing = provider(traffic.provider(), offer.version()).plan(target);
        for (RoutingRecord r : routing) {
            var live = r.createdByCoalmine() ? objects.get(RoutingKind.of(r.apiVersion(), r.kind()), owner.namespace(),
                    r.name()) : null;
            if (live != null && !owner.ours(live)) {
                throw new CoalmineException(owner.refusal(live));
            }
        }
        records.addAll(routing);
        return new Prepared(named, records);
    }

    /** The routing of one release whose records were made by {@link #prepare}. */
    public Route route(ReleasePlan plan, List<RoutingRecord> records, Deployment stable, RoutingOwner owner) {
        String serviceName = plan.traffic().service();
        Service s = client.services().inNamespace(owner.namespace()).withName(serviceName).get();
        if (s == null) {
            s = new ServiceBuilder().withNewMetadata().withName(serviceName).withNamespace(owner.namespace())
                    .endMetadata().withNewSpec().endSpec().build();
        }
        String hash = stable == null ? null : new StablePin(client).hashOf(stable);
        RouteTarget target = new RouteTarget(owner, s, plan.baseline(), plan.traffic().header(), hash);
        List<RoutingRecord> routing = records.stream().filter(r -> !"Service".equals(r.kind())).toList();
        String version = routing.isEmpty() ? null : RoutingKind.of(routing.get(0).apiVersion(), routing.get(0).kind())
                .version();
        return new Route(objects, new TrackServices(client), provider(plan.traffic().provider(), version), target, routing);
    }

    private RoutingProvider provider(TrafficProvider provider, String version) {
        return switch (provider) {
            case GATEWAY_API -> new GatewayApiRouting(objects, version);
            case ISTIO -> new IstioRouting(objects, version);
            case SMI -> new SmiRouting(objects, version);
            case NGINX -> new NginxRouting(objects);
            case REPLICAS -> throw new IllegalArgumentException("the replica ratio has no routing objects");
        };
    }
}
