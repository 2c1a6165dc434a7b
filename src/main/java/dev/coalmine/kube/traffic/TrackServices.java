package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Services that select one track each, next to the operator's Service S (never changed): {@code <S>-stable}
 * (S's selector and the {@code pod-template-hash} of the ReplicaSet serving stable), {@code <S>-canary} and
 * {@code <S>-baseline} (S's selector and the track label). S's ports, type ClusterIP.
 */
final class TrackServices {
    private static final String HASH = "pod-template-hash";
    private final KubernetesClient client;

    TrackServices(KubernetesClient client) {
        this.client = client;
    }

    static Map<String, String> trackSelector(RouteTarget t, String track) {
        Map<String, String> selector = new LinkedHashMap<>(t.service().getSpec().getSelector());
        selector.put(t.owner().trackLabel(), track);
        return selector;
    }

    List<Service> desired(RouteTarget t) {
        if (t.stableHash() == null) {
            throw new CoalmineException("no ReplicaSet of Deployment " + t.owner().workload() + " has pods yet, so its "
                    + "stable track cannot be told apart from the canary; wait until it runs and try again");
        }
        Map<String, String> stable = new LinkedHashMap<>(t.service().getSpec().getSelector());
        stable.put(HASH, t.stableHash());
        List<Service> all = new ArrayList<>(List.of(service(t, t.stableName(), stable),
                service(t, t.canaryName(), trackSelector(t, "canary"))));
        if (t.baseline()) {
            all.add(service(t, t.baselineName(), trackSelector(t, "baseline")));
        }
        return all;
    }

    /** Creates the track Services or brings their selectors up to date; refuses a foreign Service of the name. */
    void apply(RouteTarget t) {
        for (Service desired : desired(t)) {
            Service live = live(t, desired.getMetadata().getName());
            if (live == null) {
                client.services().resource(desired).create();
            } else if (!t.owner().ours(live)) {
                throw new CoalmineException(t.owner().refusal(live));
            } else if (!sameRouting(live, desired)) {
                client.services().resource(new ServiceBuilder(live).editSpec().withSelector(desired.getSpec().getSelector())
                        .withPorts(desired.getSpec().getPorts()).endSpec().build()).update();
            }
        }
    }

    /** Every track Service exists as it must be now (stable pinned to the ReplicaSet serving it). */
    boolean inSync(RouteTarget t) {
        for (Service desired : desired(t)) {
            Service live = live(t, desired.getMetadata().getName());
            if (live == null || !t.owner().ours(live) || !sameRouting(live, desired)) {
                return false;
            }
        }
        return true;
    }

    boolean anyPresent(RouteTarget t) {
        return names(t).stream().map(n -> live(t, n)).anyMatch(s -> s != null && t.owner().ours(s));
    }

    /** Deletes the release's track Services; a foreign Service of the same name is left alone. */
    void delete(RouteTarget t) {
        for (String name : names(t)) {
            Service live = live(t, name);
            if (live != null && t.owner().ours(live)) {
                client.services().resource(live).delete();
            }
        }
    }

    /** The names the release may have used, the baseline's included. */
    private static List<String> names(RouteTarget t) {
        return List.of(t.stableName(), t.canaryName(), t.baselineName());
    }

    private Service live(RouteTarget t, String name) {
        return client.services().inNamespace(t.namespace()).withName(name).get();
    }

    private static boolean sameRouting(Service live, Service desired) {
        return Objects.equals(live.getSpec().getSelector(), desired.getSpec().getSelector())
                && Objects.equals(ports(live), ports(desired));
    }

    private static List<String> ports(Service s) {
        return s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts().stream()
                .map(p -> p.getName() + ":" + p.getPort() + ":" + p.getTargetPort()).toList();
    }

    private static Service service(RouteTarget t, String name, Map<String, String> selector) {
        List<ServicePort> ports = t.service().getSpec().getPorts().stream().map(p -> new ServicePortBuilder()
                .withName(p.getName()).withPort(p.getPort()).withTargetPort(p.getTargetPort())
                .withProtocol(p.getProtocol()).build()).toList();
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(t.namespace())
                .withLabels(t.owner().labels()).withOwnerReferences(t.owner().owners()).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(selector).withPorts(ports).endSpec().build();
    }
}
