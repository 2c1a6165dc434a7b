package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the routing objects of the four providers the demo serves (HTTPRoutes, VirtualServices with their
 * DestinationRules, TrafficSplits, Ingresses) and turns them into {@link Route}s, in that order.
 */
final class RouteReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceDefinitionContext HTTP_ROUTES = context("gateway.networking.k8s.io", "v1",
            "HTTPRoute", "httproutes");
    private static final ResourceDefinitionContext VIRTUAL_SERVICES = context("networking.istio.io", "v1",
            "VirtualService", "virtualservices");
    private static final ResourceDefinitionContext DESTINATION_RULES = context("networking.istio.io", "v1",
            "DestinationRule", "destinationrules");
    private static final ResourceDefinitionContext TRAFFIC_SPLITS = context("split.smi-spec.io", "v1alpha4",
            "TrafficSplit", "trafficsplits");

    private final KubernetesClient client;

    RouteReader(KubernetesClient client) {
        this.client = client;
    }

    Objects read() {
        return new Objects(list(HTTP_ROUTES), list(VIRTUAL_SERVICES), list(DESTINATION_RULES), list(TRAFFIC_SPLITS),
                client.network().v1().ingresses().inAnyNamespace().list().getItems().stream()
                        .map(i -> (JsonNode) JSON.valueToTree(i)).toList());
    }

    /** The routing objects as read once, to be turned into routes for each kind of request. */
    record Objects(List<JsonNode> httpRoutes, List<JsonNode> virtualServices, List<JsonNode> destinationRules,
                   List<JsonNode> trafficSplits, List<JsonNode> ingresses) {

        /** The routes that requests carrying {@code header} (or {@link RequestHeader#NONE}) take. */
        List<Route> routes(ServiceNames names, RequestHeader header) {
            List<Route> routes = new ArrayList<>(GatewayApiRoutes.of(httpRoutes, header));
            routes.addAll(IstioRoutes.of(virtualServices, destinationRules, names, header));
            routes.addAll(SmiSplits.of(trafficSplits, names));
            routes.addAll(NginxCanaries.of(ingresses, header));
            return routes;
        }
    }

    private List<JsonNode> list(ResourceDefinitionContext context) {
        return client.genericKubernetesResources(context).inAnyNamespace().list().getItems().stream()
                .map(r -> (JsonNode) JSON.valueToTree(r)).toList();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
