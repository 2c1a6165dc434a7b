package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coalmine.demo.sim.Await;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.EmptyDemoCluster;
import dev.coalmine.demo.sim.Manifests;
import dev.coalmine.demo.sim.SimulationSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated traffic honours each provider's weights: one app per namespace (2 stable pods, 1 canary, 1
 * baseline, the operator's Service and its three track Services) behind an HTTPRoute, a VirtualService with a
 * DestinationRule, a TrafficSplit, or an Ingress with a canary Ingress. The demo's counters, summed per track, give
 * the canary the share of the Service's requests its weight says, whatever the pod counts.
 */
class WeightedRoutingTest {
    private static final List<String> PROVIDERS = List.of("gateway-api", "istio", "smi", "nginx");
    private static final int REQUESTS_PER_STEP = 3000;

    private static EmptyDemoCluster server;
    private static KubernetesClient client;
    private static ClusterSimulation cluster;
    private static TrafficSimulation traffic;
    private static final Map<String, String> stableHash = new HashMap<>();

    @BeforeAll
    static void start() {
        server = new EmptyDemoCluster();
        client = server.client();
        cluster = new ClusterSimulation(SimulationSettings.fast());
        cluster.start(client);
        traffic = new TrafficSimulation(TrafficSettings.fast());
        traffic.start(client);
        traffic.knobs().setRequestsPerSecond(3000);
        for (String namespace : PROVIDERS) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
            deploy(namespace, "web", 2, Map.of("app", "web"));
            deploy(namespace, "web-canary", 1, Map.of("app", "web", "coalmine.dev/track", "canary"));
            deploy(namespace, "web-baseline", 1, Map.of("app", "web", "coalmine.dev/track", "baseline"));
            service(namespace, "web", Map.of("app", "web"));
            service(namespace, "web-canary", Map.of("app", "web", "coalmine.dev/track", "canary"));
            service(namespace, "web-baseline", Map.of("app", "web", "coalmine.dev/track", "baseline"));
        }
        Await.until("four ready pods in each namespace", () -> PROVIDERS.stream().allMatch(ns ->
                client.pods().inNamespace(ns).list().getItems().stream().filter(WeightedRoutingTest::ready).count() == 4));
        for (String namespace : PROVIDERS) {
            Pod stable = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(p -> !p.getMetadata().getLabels().containsKey("coalmine.dev/track")).findFirst().orElseThrow();
            String hash = stable.getMetadata().getLabels().get("pod-template-hash");
            stableHash.put(namespace, hash);
            service(namespace, "web-stable", Map.of("app", "web", "pod-template-hash", hash));
        }
    }

    @AfterAll
    static void stop() {
        traffic.close();
        cluster.close();
        server.close();
    }

    @Test
    void theCanarysShareOfRequestsFollowsItsWeightWithEveryProvider() {
        Map<String, Map<String, Double>> unrouted = measure();
        PROVIDERS.forEach(ns -> assertThat(unrouted.get(ns).get("canary")).as("%s before any route: by pod count", ns)
                .isCloseTo(0.25, within(0.03)));

        for (int weight : new int[] {5, 10, 25, 40}) {
            for (String namespace : PROVIDERS) {
                apply(namespace, routing(namespace, weight));
            }
            Map<String, Map<String, Double>> shares = measure();
            for (String namespace : PROVIDERS) {
                Map<String, Double> share = shares.get(namespace);
                boolean baselineRouted = !namespace.equals("nginx");
                assertThat(share.get("canary")).as("%s canary share at weight %d", namespace, weight)
                        .isCloseTo(weight / 100.0, within(0.03));
                assertThat(share.get("baseline")).as("%s baseline share at weight %d", namespace, weight)
                        .isCloseTo(baselineRouted ? weight / 100.0 : 0, within(0.03));
                assertThat(share.get("stable")).as("%s stable share at weight %d", namespace, weight)
                        .isCloseTo((100 - weight * (baselineRouted ? 2 : 1)) / 100.0, within(0.03));
            }
        }
    }

    /** Each namespace's requests per track over the next {@link #REQUESTS_PER_STEP} requests, as shares. */
    private static Map<String, Map<String, Double>> measure() {
        sleepTicks();
        Scrape before = Scrape.of(traffic.metricsUrl());
        Await.until(REQUESTS_PER_STEP + " more requests in every namespace", () -> {
            Scrape now = Scrape.of(traffic.metricsUrl());
            return PROVIDERS.stream().allMatch(ns -> requests(now, ns, null) - requests(before, ns, null)
                    >= REQUESTS_PER_STEP);
        });
        Scrape after = Scrape.of(traffic.metricsUrl());
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (String ns : PROVIDERS) {
            double total = requests(after, ns, null) - requests(before, ns, null);
            Map<String, Double> byTrack = new HashMap<>();
            for (String track : List.of("stable", "canary", "baseline")) {
                byTrack.put(track, (requests(after, ns, track) - requests(before, ns, track)) / total);
            }
            out.put(ns, byTrack);
        }
        return out;
    }

    private static double requests(Scrape scrape, String namespace, String track) {
        return scrape.sum("http_requests_total", l -> l.get("namespace").equals(namespace)
                && (track == null || track.equals(l.get("track"))));
    }

    private static String routing(String namespace, int weight) {
        int stable = 100 - 2 * weight;
        return switch (namespace) {
            case "gateway-api" -> """
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoute
                    metadata: {name: web}
                    spec:
                      parentRefs: [{name: shop-gateway}]
                      rules:
                      - matches: [{headers: [{name: x-canary, value: always}]}]
                        backendRefs: [{name: web-canary, port: 80}]
                      - backendRefs:
                        - {name: web-stable, port: 80, weight: %d}
                        - {name: web-canary, port: 80, weight: %d}
                        - {name: web-baseline, port: 80, weight: %d}
                    """.formatted(stable, weight, weight);
            case "istio" -> """
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: web}
                    spec:
                      hosts: [web]
                      http:
                      - match: [{headers: {x-canary: {exact: always}}}]
                        route: [{destination: {host: web, subset: canary}}]
                      - route:
                        - {destination: {host: web, subset: stable}, weight: %d}
                        - {destination: {host: web.%s.svc.cluster.local, subset: canary}, weight: %d}
                        - {destination: {host: web, subset: baseline}, weight: %d}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: web}
                    spec:
                      host: web
                      subsets:
                      - {name: stable, labels: {pod-template-hash: "%s"}}
                      - {name: canary, labels: {coalmine.dev/track: canary}}
                      - {name: baseline, labels: {coalmine.dev/track: baseline}}
                    """.formatted(stable, namespace, weight, weight, stableHash.get(namespace));
            case "smi" -> """
                    apiVersion: split.smi-spec.io/v1alpha2
                    kind: TrafficSplit
                    metadata: {name: web}
                    spec:
                      service: web
                      backends:
                      - {service: web-stable, weight: %d}
                      - {service: web-canary, weight: %d}
                      - {service: web-baseline, weight: %d}
                    """.formatted(stable, weight, weight);
            default -> """
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: web}
                    spec:
                      ingressClassName: nginx
                      rules:
                      - host: web.example.com
                        http:
                          paths: [{path: /, pathType: Prefix, backend: {service: {name: web-stable, port: {number: 80}}}}]
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata:
                      name: web-canary
                      annotations:
                        nginx.ingress.kubernetes.io/canary: "true"
                        nginx.ingress.kubernetes.io/canary-weight: "%d"
                        nginx.ingress.kubernetes.io/canary-by-header: x-canary
                    spec:
                      ingressClassName: nginx
                      rules:
                      - host: web.example.com
                        http:
                          paths: [{path: /, pathType: Prefix, backend: {service: {name: web-canary, port: {number: 80}}}}]
                    """.formatted(weight);
        };
    }

    private static void apply(String namespace, String yaml) {
        List<HasMetadata> items = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
        for (HasMetadata item : items) {
            client.resource(item).inNamespace(namespace).createOr(NonDeletingOperation::update);
        }
    }

    private static void deploy(String namespace, String name, int replicas, Map<String, String> labels) {
        client.resource(Manifests.deployment(name, replicas, "registry.example/web:1.0", labels)
                .editMetadata().withNamespace(namespace).endMetadata().build()).create();
    }

    /** The operator's Service {@code web}, or one of the track Services Coalmine makes (labelled as its own). */
    private static void service(String namespace, String name, Map<String, String> selector) {
        Map<String, String> labels = name.equals("web") ? Map.of() : Map.of("app.kubernetes.io/managed-by", "coalmine");
        client.resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labels).endMetadata()
                .withNewSpec().withSelector(selector).addNewPort().withPort(80).endPort().endSpec().build()).create();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    /** Lets a route written just now reach the next simulated slices before counting starts. */
    private static void sleepTicks() {
        try {
            Thread.sleep(3 * TrafficSettings.fast().tick().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
