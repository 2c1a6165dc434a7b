package dev.coalmine.demo.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The routing APIs of the traffic providers Coalmine shifts weights through, as their own CRDs serve them: Gateway
 * API (HTTPRoute, Gateway, GatewayClass), Istio (VirtualService, DestinationRule) and SMI (TrafficSplit, the
 * versions Linkerd's extension and the SMI spec define). Each kind is registered once per served version,
 * preferred version first; the first is the one objects are stored in ({@link StoredVersions}).
 */
final class RoutingResources {
    static final String GATEWAY_API = "gateway.networking.k8s.io";
    static final String ISTIO = "networking.istio.io";
    static final String SMI = "split.smi-spec.io";

    private final List<ResourceType> types = new ArrayList<>();

    private RoutingResources() {
    }

    static List<ResourceType> types() {
        RoutingResources r = new RoutingResources();
        List<String> gatewayVersions = List.of("v1", "v1beta1");
        r.add(GATEWAY_API, gatewayVersions, "HTTPRoute", "httproutes", true, List.of(), "status");
        r.add(GATEWAY_API, gatewayVersions, "Gateway", "gateways", true, List.of("gtw"), "status");
        r.add(GATEWAY_API, gatewayVersions, "GatewayClass", "gatewayclasses", false, List.of("gc"), "status");
        List<String> istioVersions = List.of("v1", "v1beta1", "v1alpha3");
        r.add(ISTIO, istioVersions, "VirtualService", "virtualservices", true, List.of("vs"), "status");
        r.add(ISTIO, istioVersions, "DestinationRule", "destinationrules", true, List.of("dr"), "status");
        r.add(SMI, List.of("v1alpha4", "v1alpha3", "v1alpha2", "v1alpha1"), "TrafficSplit", "trafficsplits", true,
                List.of("ts"));
        return List.copyOf(r.types);
    }

    private void add(String group, List<String> versions, String kind, String plural, boolean namespaced,
            List<String> shortNames, String... subresources) {
        for (String version : versions) {
            types.add(new ResourceType(group, version, kind, plural, namespaced, shortNames,
                    new LinkedHashSet<>(List.of(subresources)), ResourceType.ALL_VERBS));
        }
    }
}
