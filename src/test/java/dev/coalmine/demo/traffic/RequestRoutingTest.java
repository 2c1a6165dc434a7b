package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.FastTest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where requests go, worked out from Services, pods and routing objects, with no cluster. */
@FastTest
class RequestRoutingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private final List<Pod> pods = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final RequestRouting routing = new RequestRouting(TrafficSplit.BY_POD_COUNT);

    RequestRoutingTest() {
        for (int i = 0; i < 3; i++) {
            pods.add(pod("web-stable-" + i, Map.of("app", "web", "pod-template-hash", "abc")));
        }
        pods.add(pod("web-canary-0", Map.of("app", "web", "coalmine.dev/track", "canary")));
        pods.add(pod("web-baseline-0", Map.of("app", "web", "coalmine.dev/track", "baseline")));
        services.add(service("web", Map.of("app", "web")));
        services.add(trackService("web-stable", Map.of("app", "web", "pod-template-hash", "abc")));
        services.add(trackService("web-canary", Map.of("app", "web", "coalmine.dev/track", "canary")));
        services.add(trackService("web-baseline", Map.of("app", "web", "coalmine.dev/track", "baseline")));
    }

    @Test
    void withoutARouteTheServiceSharesByPodCountAndItsTrackServicesTakeNothingOfTheirOwn() {
        List<RequestRouting.Entry> entries = entries(List.of());
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.key()).isEqualTo("shop/web"));
        assertThat(trackShares(entries)).containsEntry("canary", 0.2).containsEntry("stable", 0.6);
    }

    @Test
    void anotherToolsCanaryServiceIsAnOrdinaryServiceWithItsOwnLoad() {
        services.removeIf(s -> s.getMetadata().getName().equals("web-canary"));
        services.add(service("web-canary", Map.of("app", "web", "coalmine.dev/track", "canary"))); // Flagger's naming

        assertThat(entries(List.of())).extracting(RequestRouting.Entry::key).containsExactlyInAnyOrder("shop/web",
                "shop/web-canary");
    }

    @Test
    void aRoutedServiceIsSplitByWeightThenByPodsAndItsBackendsTakeNothingOfTheirOwn() {
        services.add(service("other", Map.of("app", "other")));
        pods.add(pod("other-0", Map.of("app", "other")));
        List<RequestRouting.Entry> entries = entries(SmiSplits.of(objects("""
                apiVersion: split.smi-spec.io/v1alpha1
                kind: TrafficSplit
                metadata: {name: web, namespace: shop}
                spec:
                  service: web.shop
                  backends: [{service: web-stable, weight: 900m}, {service: web-canary, weight: 100m}]
                """), new ServiceNames(services)));
        assertThat(entries).extracting(RequestRouting.Entry::key).containsExactly("shop/web", "shop/other");
        Map<String, Double> shares = trackShares(entries.subList(0, 1));
        assertThat(shares.get("canary")).isCloseTo(0.10, within(1e-9));
        assertThat(shares.get("stable")).isCloseTo(0.90, within(1e-9));
        assertThat(shares).doesNotContainKey("baseline");
    }

    @Test
    void istioRoutesBySubsetLabelsSkipsHeaderRulesAndLosesTheShareOfAnUnknownSubset() {
        List<JsonNode> virtualServices = objects("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: web, namespace: shop}
                spec:
                  hosts: [web.shop.svc.cluster.local]
                  http:
                  - match: [{headers: {x-canary: {exact: always}}}]
                    route: [{destination: {host: web, subset: canary}}]
                  - route:
                    - {destination: {host: web, subset: stable}, weight: 70}
                    - {destination: {host: web.shop, subset: canary}, weight: 20}
                    - {destination: {host: web, subset: nowhere}, weight: 10}
                """);
        List<JsonNode> destinationRules = objects("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: web, namespace: shop}
                spec:
                  host: web
                  subsets:
                  - {name: stable, labels: {pod-template-hash: abc}}
                  - {name: canary, labels: {coalmine.dev/track: canary}}
                """);
        Map<String, Double> shares = trackShares(entries(IstioRoutes.of(virtualServices, destinationRules,
                new ServiceNames(services), RequestHeader.NONE)));
        assertThat(shares.get("stable")).isCloseTo(0.70, within(1e-9));
        assertThat(shares.get("canary")).isCloseTo(0.20, within(1e-9));
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0.90, within(1e-9));
        assertThat(trackShares(entries(IstioRoutes.of(virtualServices, destinationRules, new ServiceNames(services),
                new RequestHeader("X-Canary", "always"))))).containsOnlyKeys("canary").containsValue(1.0);
        assertThat(trackShares(entries(IstioRoutes.of(virtualServices, destinationRules, new ServiceNames(services),
                new RequestHeader("x-canary", "sometimes")))).get("canary")).isCloseTo(0.20, within(1e-9));
    }

    @Test
    void anHttpRouteAttachedToAGatewayRoutesTheServiceBehindItsTrackBackends() {
        List<JsonNode> httpRoutes = objects("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: shop}
                spec:
                  parentRefs: [{name: shop-gateway, group: gateway.networking.k8s.io, kind: Gateway}]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /}, headers: [{type: Exact, name: x-canary, value: always}]}]
                    backendRefs: [{name: web-canary, port: 80}]
                  - backendRefs:
                    - {name: web-stable, port: 80, weight: 95, group: "", kind: Service}
                    - {name: web-canary, port: 80, weight: 5, group: "", kind: Service}
                """);
        Map<String, Double> shares = trackShares(entries(GatewayApiRoutes.of(httpRoutes, RequestHeader.NONE)));
        assertThat(shares.get("canary")).isCloseTo(0.05, within(1e-9));
        assertThat(shares.get("stable")).isCloseTo(0.95, within(1e-9));
        assertThat(trackShares(entries(GatewayApiRoutes.of(httpRoutes, new RequestHeader("x-canary", "always")))))
                .containsOnlyKeys("canary").containsValue(1.0);
    }

    @Test
    void anNginxCanaryIngressTakesItsWeightOutOfItsTotalAndAllRequestsWithItsHeader() {
        List<JsonNode> ingresses = objects("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  rules: [{host: web.example.com, http: {paths: [{path: /, pathType: Prefix,
                    backend: {service: {name: web-stable, port: {number: 80}}}}]}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web-canary
                  namespace: shop
                  annotations:
                    nginx.ingress.kubernetes.io/canary: "true"
                    nginx.ingress.kubernetes.io/canary-weight: "25"
                    nginx.ingress.kubernetes.io/canary-weight-total: "1000"
                    nginx.ingress.kubernetes.io/canary-by-header: x-canary
                    nginx.ingress.kubernetes.io/canary-by-header-value: yes-please
                spec:
                  rules: [{host: web.example.com, http: {paths: [{path: /, pathType: Prefix,
                    backend: {service: {name: web-canary, port: {number: 80}}}}]}}]
                """);
        Map<String, Double> shares = trackShares(entries(NginxCanaries.of(ingresses, RequestHeader.NONE)));
        assertThat(shares.get("canary")).isCloseTo(0.025, within(1e-9));
        assertThat(shares.get("stable")).isCloseTo(0.975, within(1e-9));
        assertThat(trackShares(entries(NginxCanaries.of(ingresses, new RequestHeader("x-canary", "yes-please")))))
                .containsOnlyKeys("canary").containsValue(1.0);
        // With a value set, "always" is just another value: such requests follow the weight.
        assertThat(trackShares(entries(NginxCanaries.of(ingresses, new RequestHeader("x-canary", "always"))))
                .get("canary")).isCloseTo(0.025, within(1e-9));
    }

    private List<RequestRouting.Entry> entries(List<Route> routes) {
        return routing.entries(services, new ServiceNames(services), pods, routes);
    }

    private static Map<String, Double> trackShares(List<RequestRouting.Entry> entries) {
        Map<String, Double> out = new HashMap<>();
        entries.forEach(e -> e.shares().forEach((pod, share) -> out.merge(pod.getMetadata().getLabels()
                .getOrDefault("coalmine.dev/track", "stable"), share, Double::sum)));
        out.replaceAll((track, share) -> Math.round(share * 1e9) / 1e9);
        return out;
    }

    private static List<JsonNode> objects(String yaml) {
        List<HasMetadata> items = new ArrayList<>();
        for (String document : yaml.split("(?m)^---$")) {
            items.add(YAML.unmarshal(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
        }
        return items.stream().map(i -> (JsonNode) JSON.valueToTree(i)).toList();
    }

    private static Pod pod(String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("web:1").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .endCondition().endStatus().build();
    }

    /** A track Service as Coalmine makes them: named after the operator's Service, labelled as Coalmine's. */
    private static Service trackService(String name, Map<String, String> selector) {
        Service service = service(name, selector);
        service.getMetadata().setLabels(Map.of("app.kubernetes.io/managed-by", "coalmine"));
        return service;
    }

    private static Service service(String name, Map<String, String> selector) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withSelector(selector).endSpec().build();
    }
}
