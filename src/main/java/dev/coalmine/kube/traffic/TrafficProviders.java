package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.TrafficProvider;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which routers the cluster serves, read from its API groups (and, for NGINX, its IngressClasses). */
public final class TrafficProviders {
    static final String NGINX_CONTROLLER = "k8s.io/ingress-nginx";
    private final KubernetesClient client;

    public TrafficProviders(KubernetesClient client) {
        this.client = client;
    }

    /** One provider: offered (with the API version to use) or not, and why. */
    public record Offer(TrafficProvider provider, boolean offered, String version, String reason) {
        public String describe() {
            return provider.word() + ": " + reason;
        }
    }

    /** Every provider, in order, offered or with the reason it is not. */
    public List<Offer> offers() {
        Map<String, APIGroup> groups = groups();
        List<Offer> all = new ArrayList<>();
        all.add(new Offer(TrafficProvider.REPLICAS, true, null, "always: the canary's share of pods"));
        // Linkerd 2.12+ reads HTTPRoutes as well as TrafficSplits: where both groups are served, both are offered.
        all.add(noted(group(groups, TrafficProvider.GATEWAY_API, RoutingKind.GATEWAY_GROUP, "install the Gateway API CRDs"),
                "; meshes such as Linkerd 2.12+ and Istio also follow an HTTPRoute whose parent is the Service"));
        all.add(group(groups, TrafficProvider.ISTIO, RoutingKind.ISTIO_GROUP, "install Istio"));
        all.add(group(groups, TrafficProvider.SMI, RoutingKind.SMI_GROUP, "install a mesh with SMI TrafficSplit, e.g. "
                + "Linkerd's linkerd-smi extension"));
        all.add(nginx());
        return all;
    }

    /** The offer for {@code provider}; refused, with the reason, when the cluster does not serve it. */
    public Offer require(TrafficProvider provider) {
        Offer offer = offers().stream().filter(o -> o.provider() == provider).findFirst().orElseThrow();
        if (!offer.offered()) {
            throw new CoalmineException("--traffic " + provider.word() + " is not available on this cluster: "
                    + offer.reason() + " (available: " + offers().stream().filter(Offer::offered)
                    .map(o -> o.provider().word()).collect(Collectors.joining(", ")) + ")");
        }
        return offer;
    }

    private static Offer group(Map<String, APIGroup> groups, TrafficProvider provider, String name, String todo) {
        APIGroup group = groups.get(name);
        if (group == null || group.getPreferredVersion() == null) {
            return new Offer(provider, false, null, "the cluster serves no " + name + " API (" + todo + ")");
        }
        String version = group.getPreferredVersion().getVersion();
        return new Offer(provider, true, version, "served (" + name + "/" + version + ")");
    }

    private static Offer noted(Offer offer, String note) {
        return offer.offered() ? new Offer(offer.provider(), true, offer.version(), offer.reason() + note) : offer;
    }

    private Offer nginx() {
        try {
            boolean nginx = new RoutingObjects(client).list(RoutingKind.INGRESS_CLASS, null).stream()
                    .anyMatch(c -> NGINX_CONTROLLER.equals(Trees.text(RoutingObjects.spec(c), "controller")));
            return nginx ? new Offer(TrafficProvider.NGINX, true, "v1", "IngressClass with controller " + NGINX_CONTROLLER)
                    : new Offer(TrafficProvider.NGINX, false, null, "no IngressClass with controller " + NGINX_CONTROLLER
                    + " (install ingress-nginx)");
        } catch (KubernetesClientException e) {
            return new Offer(TrafficProvider.NGINX, false, null, "IngressClasses cannot be read (" + e.getCode() + ")");
        }
    }

    private Map<String, APIGroup> groups() {
        APIGroupList list = Optional.ofNullable(client.getApiGroups()).orElseGet(APIGroupList::new);
        return list.getGroups() == null ? Map.of() : list.getGroups().stream()
                .collect(Collectors.toMap(APIGroup::getName, g -> g, (a, b) -> a));
    }
}
