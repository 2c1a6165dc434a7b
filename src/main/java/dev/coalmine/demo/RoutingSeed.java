package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing the demo cluster offers: the controllers it pretends to run (ingress-nginx's IngressClass, Istio's
 * GatewayClass and a Gateway), and in namespace {@code storefront} one Service behind each provider, routed by
 * the operator's own objects at 100 % to the Service: an HTTPRoute (Gateway API), a VirtualService with a
 * DestinationRule (Istio), a TrafficSplit (Linkerd/SMI) and an Ingress (NGINX).
 */
final class RoutingSeed {
    static final String NAMESPACE = "storefront";

    private static final String CONTROLLERS = """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: nginx}
            spec: {controller: k8s.io/ingress-nginx}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: istio}
            spec: {controllerName: istio.io/gateway-controller}
            """;

    private static final String ROUTES = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: storefront}
            spec:
              gatewayClassName: istio
              listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: storefront-web}
            spec:
              parentRefs: [{name: storefront}]
              hostnames: [shop.demo.test]
              rules: [{backendRefs: [{name: storefront-web, port: 80, weight: 100}]}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: storefront-api}
            spec:
              hosts: [storefront-api]
              http: [{route: [{destination: {host: storefront-api}, weight: 100}]}]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: storefront-api}
            spec:
              host: storefront-api
              trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
            ---
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: {name: storefront-cart}
            spec:
              service: storefront-cart
              backends: [{service: storefront-cart, weight: 100}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: storefront-search}
            spec:
              ingressClassName: nginx
              rules:
              - host: search.demo.test
                http:
                  paths: [{path: /, pathType: Prefix, backend: {service: {name: storefront-search, port: {number: 80}}}}]
            """;

    private RoutingSeed() {
    }

    /** What every demo cluster has installed, seeded or empty. */
    static void controllers(KubernetesClient client) {
        for (HasMetadata object : load(client, CONTROLLERS)) {
            client.resource(object).create();
        }
        markAccepted(client, "GatewayClass", null, "istio", Map.of());
    }

    static void storefront(KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        for (String app : List.of("web", "api", "cart", "search")) {
            String name = "storefront-" + app;
            client.apps().deployments().inNamespace(NAMESPACE).resource(DemoSeed.deployment(name, 1,
                    "registry.example.com/storefront/" + app + ":1.0.0", false)).create();
            client.services().inNamespace(NAMESPACE).resource(DemoSeed.service(name, 80)).create();
        }
        for (HasMetadata object : load(client, ROUTES)) {
            client.resource(object).inNamespace(NAMESPACE).create();
        }
        markAccepted(client, "Gateway", NAMESPACE, "storefront",
                Map.of("addresses", List.of(Map.of("type", "IPAddress", "value", "10.96.200.1"))));
    }

    private static List<HasMetadata> load(KubernetesClient client, String yaml) {
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }

    /** The status the Gateway controller writes: Accepted (and for a Gateway, Programmed, with its address). */
    private static void markAccepted(KubernetesClient client, String kind, String namespace, String name,
            Map<String, Object> more) {
        var resources = client.genericKubernetesResources("gateway.networking.k8s.io/v1", kind);
        GenericKubernetesResource object = namespace == null ? resources.withName(name).get()
                : resources.inNamespace(namespace).withName(name).get();
        List<Map<String, Object>> conditions = List.of(condition("Accepted"), condition("Programmed"));
        Map<String, Object> status = new HashMap<>(more);
        status.put("conditions", kind.equals("Gateway") ? conditions : conditions.subList(0, 1));
        object.setAdditionalProperty("status", status);
        client.resource(object).updateStatus();
    }

    private static Map<String, Object> condition(String type) {
        return Map.of("type", type, "status", "True", "reason", type, "message", "Handled by the demo cluster",
                "lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
    }
}
