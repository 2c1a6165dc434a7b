package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing APIs of the four traffic providers on the demo API server, through the real kubectl and fabric8's
 * generic resources: discovery, apply, get with the CRDs' columns, watch, patch, delete, the required fields, and
 * one stored object seen through every served version.
 */
class RoutingResourcesTest {
    private static final String ROUTES = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: shop-web, namespace: routes}
            spec:
              parentRefs: [{name: shop-gateway}]
              hostnames: [shop.example.com]
              rules:
              - backendRefs:
                - {name: shop-web-stable, port: 80, weight: 90}
                - {name: shop-web-canary, port: 80, weight: 10}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: shop-api, namespace: routes}
            spec:
              hosts: [shop-api]
              http:
              - route:
                - {destination: {host: shop-api, subset: stable}, weight: 90}
                - {destination: {host: shop-api, subset: canary}, weight: 10}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: shop-api, namespace: routes}
            spec:
              host: shop-api
              subsets:
              - {name: stable, labels: {pod-template-hash: 5d8f7c}}
              - {name: canary, labels: {coalmine.dev/track: canary}}
            ---
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: {name: shop-cart, namespace: routes}
            spec:
              service: shop-cart
              backends:
              - {service: shop-cart-stable, weight: 90}
              - {service: shop-cart-canary, weight: 10}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop-search, namespace: routes}
            spec:
              ingressClassName: nginx
              rules:
              - host: search.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: shop-search, port: {number: 80}}}}
            """;

    @TempDir
    static Path dir;

    private static KubectlDemo demo;
    private static DemoCluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        demo = KubectlDemo.start(DemoOptions.defaults().empty(), dir);
        cluster = demo.cluster;
        kubectl = demo.kubectl;
        kubectl.run("create", "namespace", "routes").ok();
        kubectl.runWithInput(ROUTES, 60, "apply", "-f", "-").ok();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void discoveryListsTheRoutingKindsWithTheirShortNames() {
        String resources = kubectl.run("api-resources").ok().out();
        assertThat(resources)
                .containsPattern("httproutes\\s+gateway\\.networking\\.k8s\\.io/v1\\s+true\\s+HTTPRoute")
                .containsPattern("gateways\\s+gtw\\s+gateway\\.networking\\.k8s\\.io/v1\\s+true\\s+Gateway")
                .containsPattern("gatewayclasses\\s+gc\\s+gateway\\.networking\\.k8s\\.io/v1\\s+false\\s+GatewayClass")
                .containsPattern("virtualservices\\s+vs\\s+networking\\.istio\\.io/v1\\s+true\\s+VirtualService")
                .containsPattern("destinationrules\\s+dr\\s+networking\\.istio\\.io/v1\\s+true\\s+DestinationRule")
                .containsPattern("trafficsplits\\s+ts\\s+split\\.smi-spec\\.io/v1alpha4\\s+true\\s+TrafficSplit")
                .containsPattern("ingresses\\s+ing\\s+networking\\.k8s\\.io/v1\\s+true\\s+Ingress");
        assertThat(kubectl.run("api-versions").ok().out().lines()).contains("networking.istio.io/v1alpha3",
                "networking.istio.io/v1beta1", "gateway.networking.k8s.io/v1beta1", "split.smi-spec.io/v1alpha1");
    }

    @Test
    void getPrintsEachKindWithItsPrinterColumns() {
        String out = kubectl.run("get", "httproute,virtualservice,trafficsplit,ingress", "-n", "routes").ok().out();
        assertThat(out)
                .containsPattern("NAME\\s+HOSTNAMES\\s+AGE")
                .containsPattern("httproute\\.gateway\\.networking\\.k8s\\.io/shop-web\\s+\\[\"shop\\.example\\.com\"\\]"
                        + "\\s+\\d+s")
                .containsPattern("NAME\\s+GATEWAYS\\s+HOSTS\\s+AGE")
                .containsPattern("virtualservice\\.networking\\.istio\\.io/shop-api\\s+\\[\"shop-api\"\\]\\s+\\d+s")
                .containsPattern("NAME\\s+SERVICE\\n")
                .containsPattern("trafficsplit\\.split\\.smi-spec\\.io/shop-cart\\s+shop-cart\\n")
                .containsPattern("NAME\\s+CLASS\\s+HOSTS\\s+ADDRESS\\s+PORTS\\s+AGE")
                .containsPattern("ingress\\.networking\\.k8s\\.io/shop-search\\s+nginx\\s+search\\.example\\.com\\s+80");
        assertThat(kubectl.run("get", "dr", "-n", "routes").ok().out())
                .containsPattern("NAME\\s+HOST\\s+AGE").containsPattern("shop-api\\s+shop-api\\s+\\d+s");
    }

    @Test
    void aMissingRequiredFieldIsRefusedWithTheFieldNamedAndNothingStored() {
        Kubectl.Result refused = kubectl.runWithInput("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: nameless-backend, namespace: routes}
                spec:
                  rules:
                  - backendRefs: [{port: 80, weight: 10}]
                """, 60, "apply", "-f", "-");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).isEqualToIgnoringNewLines(
                "The HTTPRoute \"nameless-backend\" is invalid: spec.rules[0].backendRefs[0].name: Required value");
        Kubectl.Result split = kubectl.runWithInput("""
                apiVersion: split.smi-spec.io/v1alpha2
                kind: TrafficSplit
                metadata: {name: apexless, namespace: routes}
                spec:
                  backends: [{service: shop-cart-stable}]
                """, 60, "create", "-f", "-");
        assertThat(split.exitCode()).isNotZero();
        assertThat(split.err()).contains("The TrafficSplit \"apexless\" is invalid",
                "spec.service: Required value", "spec.backends[0].weight: Required value");
        assertThat(kubectl.run("get", "httproute,trafficsplit", "-n", "routes", "-o", "name").ok().out())
                .doesNotContain("nameless-backend", "apexless");

        KubernetesClientException e = Assertions.catchThrowableOfType(() -> cluster.client()
                .genericKubernetesResources("networking.istio.io/v1", "DestinationRule").inNamespace("routes")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("networking.istio.io/v1")
                        .withKind("DestinationRule").withNewMetadata().withName("hostless").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("subsets", List.of(Map.of("name", "stable"))))
                        .build()).create(), KubernetesClientException.class);
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
        assertThat(e.getStatus().getDetails().getCauses()).singleElement()
                .satisfies(c -> assertThat(c.getField()).isEqualTo("spec.host"));
    }

    @Test
    void oneStoredObjectIsSeenThroughEveryServedVersion() {
        KubernetesClient client = cluster.client();
        GenericKubernetesResource beta = client.genericKubernetesResources("networking.istio.io/v1beta1",
                "VirtualService").inNamespace("routes").withName("shop-api").get();
        assertThat(beta.getApiVersion()).isEqualTo("networking.istio.io/v1beta1");
        assertThat(client.genericKubernetesResources("networking.istio.io/v1alpha3", "VirtualService")
                .inNamespace("routes").list().getItems()).singleElement()
                .satisfies(vs -> assertThat(vs.getApiVersion()).isEqualTo("networking.istio.io/v1alpha3"));
        client.genericKubernetesResources("split.smi-spec.io/v1alpha1", "TrafficSplit").inNamespace("routes")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("split.smi-spec.io/v1alpha1")
                        .withKind("TrafficSplit").withNewMetadata().withName("linkerd-style").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("service", "shop-cart", "backends",
                                List.of(Map.of("service", "shop-cart-stable", "weight", "900m"))))
                        .build()).create();
        assertThat(kubectl.run("get", "trafficsplits.v1alpha2.split.smi-spec.io", "linkerd-style", "-n", "routes",
                "-o", "jsonpath={.apiVersion} {.spec.backends[0].weight}").ok().out())
                .isEqualTo("split.smi-spec.io/v1alpha2 900m");
    }

    @Test
    void weightsArePatchedAndWatchedAndRoutesDeleted() throws Exception {
        KubernetesClient client = cluster.client();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace("routes").withName("shop-web").watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource route) {
                        events.add(action + " " + route.getApiVersion() + " " + weights(route));
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            kubectl.run("patch", "httproute", "shop-web", "-n", "routes", "--type", "json", "-p",
                    "[{\"op\":\"replace\",\"path\":\"/spec/rules/0/backendRefs/0/weight\",\"value\":75},"
                            + "{\"op\":\"replace\",\"path\":\"/spec/rules/0/backendRefs/1/weight\",\"value\":25}]")
                    .ok();
            String modified;
            do {
                modified = events.poll(10, TimeUnit.SECONDS);
            } while (modified != null && !modified.startsWith("MODIFIED"));
            assertThat(modified).isEqualTo("MODIFIED gateway.networking.k8s.io/v1 [75, 25]");
        }
        GenericKubernetesResource stored = client.genericKubernetesResources("gateway.networking.k8s.io/v1",
                "HTTPRoute").inNamespace("routes").withName("shop-web").get();
        assertThat(stored.get("spec", "rules", 0, "matches", 0, "path", "type").toString())
                .as("the CRD's defaults are written").isEqualTo("PathPrefix");
        kubectl.run("delete", "httproute", "shop-web", "-n", "routes").ok();
        assertThat(kubectl.run("get", "httproutes", "-n", "routes", "-o", "name").ok().out()).isBlank();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> weights(GenericKubernetesResource route) {
        List<Map<String, Object>> refs = route.get("spec", "rules", 0, "backendRefs");
        return refs.stream().map(r -> r.get("weight")).toList();
    }
}
