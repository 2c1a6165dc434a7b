package dev.coalmine.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's shop on a fast simulated cluster with the operator's routing object for each provider: an HTTPRoute
 * and a VirtualService of a gateway (with a second route for shop-api that must stay as it is), an NGINX Ingress
 * (the demo has ingress-nginx's IngressClass); SMI has none (Coalmine creates the TrafficSplit).
 */
final class RoutedShop implements AutoCloseable {
    static final String NS = "default";
    static final String APP = "shop-frontend";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String HEALTHY = "registry.example.com/shop/frontend:1.4.0";
    static final String FAULTY = "registry.example.com/shop/frontend:1.4.0-faulty";

    final DemoCluster demo = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    final KubernetesClient client = demo.client();

    RoutedShop() {
        new TrafficKnobs(client).setRequestsPerSecond(600);
        operatorsRoutes();
        // The stable track Service is pinned to a ReplicaSet: wait until the simulated controller made one.
        Eventually.assertThat(WAIT, () -> assertThat(client.apps().deployments().inNamespace(NS).withName(APP).get()
                .getStatus().getReadyReplicas()).isEqualTo(4));
    }

    ReleaseService service(String identity, ReleaseSettings.ActionHook hook) {
        return new ReleaseService(client, new ClusterCache(client), ReleaseSettings.defaults(identity)
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)).withHook(hook), PrometheusAuth.none(),
                App.demoAddOn().detect(client).metricSources());
    }

    /** A manual-judge plan stepping through {@code steps}, one second each. */
    static ReleasePlan manual(TrafficProvider provider, List<Integer> steps) {
        return manual(provider, HEALTHY, steps);
    }

    /** The same with the canary running {@code image}. */
    static ReleasePlan manual(TrafficProvider provider, String image, List<Integer> steps) {
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=" + image)), CanarySize.count(1),
                        provider != TrafficProvider.NGINX).withSteadyStateTimeout(Duration.ofSeconds(60))
                .withTraffic(new TrafficPlan(provider, null, steps, Duration.ofSeconds(1), List.of(), false, null));
    }

    /** An automatically judged plan (demo metrics, {@code interval} per check and step). */
    static ReleasePlan automatic(TrafficProvider provider, String image, List<Integer> steps, Duration interval,
                                 int failedCheckLimit) {
        JudgeSettings settings = JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(interval)
                .withAnalysis(AnalysisPolicy.defaults().withMaxFailedChecks(failedCheckLimit));
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=" + image)), CanarySize.count(1),
                        provider != TrafficProvider.NGINX).withSteadyStateTimeout(Duration.ofSeconds(60))
                .withJudge(JudgeSpec.automatic(settings))
                .withTraffic(new TrafficPlan(provider, null, steps, interval, List.of(), false, null));
    }

    /** The operator's routing object of {@code provider} as stored now (null for SMI, which has none). */
    GenericKubernetesResource operatorsObject(TrafficProvider provider) {
        return switch (provider) {
            case GATEWAY_API -> objects().get(RoutingKind.httpRoute("v1"), NS, "shop");
            case ISTIO -> objects().get(RoutingKind.virtualService("v1"), NS, "shop");
            case NGINX -> objects().get(RoutingKind.INGRESS, NS, "shop");
            default -> null;
        };
    }

    /** Every routing object and Service labelled {@code managed-by: coalmine}, as "Kind/name". */
    List<String> coalmineRoutingObjects() {
        List<RoutingKind> kinds = List.of(RoutingKind.SERVICE, RoutingKind.httpRoute("v1"), RoutingKind.virtualService("v1"),
                RoutingKind.destinationRule("v1"), RoutingKind.trafficSplit("v1alpha2"), RoutingKind.INGRESS);
        return kinds.stream().flatMap(k -> objects().list(k, NS).stream())
                .filter(o -> o.getMetadata().getLabels() != null
                        && "coalmine".equals(o.getMetadata().getLabels().get("app.kubernetes.io/managed-by")))
                .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }

    /** The canary weight the router carries, read straight from its object, or -1 when it carries none. */
    int canaryWeight(TrafficProvider provider) {
        return switch (provider) {
            case GATEWAY_API -> weightIn(Trees.maps(spec(operatorsObject(provider)), "rules").stream()
                    .flatMap(r -> Trees.maps(r, "backendRefs").stream())
                    .filter(b -> (APP + "-canary").equals(b.get("name")) && b.containsKey("weight")).toList());
            case ISTIO -> weightIn(Trees.maps(spec(operatorsObject(provider)), "http").stream()
                    .flatMap(h -> Trees.maps(h, "route").stream())
                    .filter(r -> "coalmine-canary".equals(Trees.map(r, "destination").get("subset"))
                            && r.containsKey("weight")).toList());
            case SMI -> {
                GenericKubernetesResource split = objects().get(RoutingKind.trafficSplit("v1alpha2"), NS, APP + "-coalmine");
                yield split == null ? -1 : weightIn(Trees.maps(spec(split), "backends").stream()
                        .filter(b -> (APP + "-canary").equals(b.get("service"))).toList());
            }
            case NGINX -> {
                GenericKubernetesResource canary = objects().get(RoutingKind.INGRESS, NS, "shop-canary");
                yield canary == null ? -1 : Integer.parseInt(canary.getMetadata().getAnnotations()
                        .get("nginx.ingress.kubernetes.io/canary-weight"));
            }
            case REPLICAS -> -1;
        };
    }

    private static int weightIn(List<Map<String, Object>> refs) {
        return refs.isEmpty() ? -1 : ((Number) refs.get(0).get("weight")).intValue();
    }

    RoutingObjects objects() {
        return new RoutingObjects(client);
    }

    String stableImage() {
        return client.apps().deployments().inNamespace(NS).withName(APP).get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
    }

    private void operatorsRoutes() {
        apply("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: shop, namespace: default}
                spec:
                  parentRefs: [{name: shop-gateway}]
                  hostnames: [shop.example.com]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /api}}]
                    backendRefs: [{name: shop-api, port: 8080}]
                  - backendRefs: [{name: shop-frontend, port: 80}]
                """, RoutingKind.httpRoute("v1"));
        apply("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop, namespace: default}
                spec:
                  hosts: [shop.example.com]
                  gateways: [shop-gateway]
                  http:
                  - match: [{uri: {prefix: /api}}]
                    route: [{destination: {host: shop-api}}]
                  - route: [{destination: {host: shop-frontend, port: {number: 80}}}]
                """, RoutingKind.virtualService("v1"));
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: default
                  annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 8m}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: shop-frontend, port: {number: 80}}}}
                """, RoutingKind.INGRESS);
    }

    private void apply(String yaml, RoutingKind kind) {
        GenericKubernetesResource object = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(kind.context()).inNamespace(NS).resource(object).create();
    }

    static Map<String, Object> spec(GenericKubernetesResource o) {
        return RoutingObjects.spec(o);
    }

    @Override
    public void close() {
        demo.close();
    }
}
