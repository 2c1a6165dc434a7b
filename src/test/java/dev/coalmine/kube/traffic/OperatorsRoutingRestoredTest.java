package dev.coalmine.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's storefront routes each of its Services with the operator's own objects (an HTTPRoute, a
 * VirtualService with a DestinationRule, a TrafficSplit, an Ingress). A weighted release changes those objects while
 * it runs, and after promotion they are back exactly as they were, with nothing of Coalmine's left in the namespace.
 */
class OperatorsRoutingRestoredTest {
    private static final String NS = "storefront";
    private final RoutedShop shop = new RoutedShop();

    @AfterEach
    void close() {
        shop.close();
    }

    @ParameterizedTest
    @CsvSource({"web, GATEWAY_API, HTTPRoute", "api, ISTIO, VirtualService;DestinationRule", "cart, SMI, TrafficSplit",
            "search, NGINX, Ingress"})
    void theOperatorsRoutingObjectsAreUsedDuringTheReleaseAndRestoredExactlyAfterPromotion(String app,
            TrafficProvider provider, String kinds) {
        String name = "storefront-" + app;
        Map<RoutingKind, Map<String, Object>> before = operatorsObjects(name, kinds);
        Eventually.assertThat(RoutedShop.WAIT, () -> assertThat(shop.client.apps().deployments().inNamespace(NS)
                .withName(name).get().getStatus().getReadyReplicas()).isPositive());
        ReleaseService service = shop.service("storefront", ReleaseSettings.ActionHook.NONE);
        service.start(ReleasePlan.ofImages(NS, name, List.of(ImageChange.parse("registry.example.com/storefront/" + app
                        + ":1.1.0")), CanarySize.count(1), provider != TrafficProvider.NGINX)
                .withSteadyStateTimeout(Duration.ofSeconds(60))
                .withTraffic(new TrafficPlan(provider, null, List.of(20), Duration.ofSeconds(1), List.of(), false, null)),
                false);

        service.drive(NS, name, s -> s.trafficIfAny().filter(TrafficState::atGate).isPresent(), RoutedShop.WAIT, s -> { });
        assertThat(operatorsObjects(name, kinds)).as("the operator's objects route the release").isNotEqualTo(before);
        assertThat(coalmineObjects()).isNotEmpty();
        service.promote(NS, name, "ana");
        ReleaseState done = service.drive(NS, name, s -> false, RoutedShop.WAIT, s -> { });

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(operatorsObjects(name, kinds)).as("restored exactly").isEqualTo(before);
        assertThat(coalmineObjects()).isEmpty();
    }

    /** Spec, labels and annotations of the operator's objects of {@code kinds} named {@code name}. */
    private Map<RoutingKind, Map<String, Object>> operatorsObjects(String name, String kinds) {
        Map<RoutingKind, Map<String, Object>> out = new LinkedHashMap<>();
        for (String kind : kinds.split(";")) {
            RoutingKind k = switch (kind) {
                case "HTTPRoute" -> RoutingKind.httpRoute("v1");
                case "VirtualService" -> RoutingKind.virtualService("v1");
                case "DestinationRule" -> RoutingKind.destinationRule("v1");
                case "TrafficSplit" -> RoutingKind.trafficSplit("v1alpha2");
                default -> RoutingKind.INGRESS;
            };
            var object = shop.objects().get(k, NS, name);
            assertThat(object).as(kind + " " + name).isNotNull();
            Map<String, Object> content = new LinkedHashMap<>(RoutedShop.spec(object));
            content.put("labels", object.getMetadata().getLabels());
            content.put("annotations", object.getMetadata().getAnnotations());
            out.put(k, content);
        }
        return out;
    }

    private List<String> coalmineObjects() {
        List<RoutingKind> kinds = List.of(RoutingKind.SERVICE, RoutingKind.httpRoute("v1"), RoutingKind.virtualService("v1"),
                RoutingKind.destinationRule("v1"), RoutingKind.trafficSplit("v1alpha2"), RoutingKind.INGRESS);
        return kinds.stream().flatMap(k -> shop.objects().list(k, NS).stream())
                .filter(o -> o.getMetadata().getLabels() != null
                        && "coalmine".equals(o.getMetadata().getLabels().get("app.kubernetes.io/managed-by")))
                .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }
}
