package dev.coalmine.kube.traffic;

import dev.coalmine.core.traffic.TrafficProvider;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** A kind of routing object, addressed without discovery (its plural is known). */
public record RoutingKind(String group, String version, String kind, String plural) {
    static final RoutingKind SERVICE = new RoutingKind("", "v1", "Service", "services");
    static final RoutingKind INGRESS = new RoutingKind("networking.k8s.io", "v1", "Ingress", "ingresses");
    static final RoutingKind INGRESS_CLASS = new RoutingKind("networking.k8s.io", "v1", "IngressClass", "ingressclasses");
    static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
    static final String ISTIO_GROUP = "networking.istio.io";
    static final String SMI_GROUP = "split.smi-spec.io";

    static RoutingKind httpRoute(String version) {
        return new RoutingKind(GATEWAY_GROUP, version, "HTTPRoute", "httproutes");
    }

    static RoutingKind virtualService(String version) {
        return new RoutingKind(ISTIO_GROUP, version, "VirtualService", "virtualservices");
    }

    static RoutingKind destinationRule(String version) {
        return new RoutingKind(ISTIO_GROUP, version, "DestinationRule", "destinationrules");
    }

    static RoutingKind trafficSplit(String version) {
        return new RoutingKind(SMI_GROUP, version, "TrafficSplit", "trafficsplits");
    }

    /** The kind of a recorded object, from its apiVersion and kind. */
    static RoutingKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String plural = switch (kind) {
            case "Ingress" -> "ingresses";
            case "IngressClass" -> "ingressclasses";
            default -> kind.toLowerCase(java.util.Locale.ROOT) + "s";
        };
        return new RoutingKind(group, version, kind, plural);
    }

    /** The API group and resources a provider writes, for the RBAC preflight (version-free). */
    public static List<RoutingKind> writtenBy(TrafficProvider provider) {
        return switch (provider) {
            case REPLICAS -> List.of();
            case GATEWAY_API -> List.of(SERVICE, httpRoute("v1"));
            case ISTIO -> List.of(SERVICE, virtualService("v1beta1"), destinationRule("v1beta1"));
            case SMI -> List.of(SERVICE, trafficSplit("v1alpha2"));
            case NGINX -> List.of(SERVICE, INGRESS);
        };
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(!"IngressClass".equals(kind)).build();
    }
}
