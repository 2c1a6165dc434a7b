package dev.coalmine.kube.traffic;

import static dev.coalmine.kube.traffic.RoutedShop.APP;
import static dev.coalmine.kube.traffic.RoutedShop.NS;
import static dev.coalmine.kube.traffic.RoutedShop.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Eventually;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Throughout a weighted release and its promotion, every state the API server went through (pods, Services and the
 * router's objects, watched and replayed in the server's order): whenever the router sends requests to the stable
 * track, that track selects at least one ready pod, and all requests go to stable only once stable runs the new
 * version on all its replicas. Stable rolls while the router sends to it, so this holds only if the stable track is
 * re-pinned to the new ReplicaSet before the old one loses its last ready pod.
 */
class StableBackendTest {
    private static final RoutingKind POD = new RoutingKind("", "v1", "Pod", "pods");
    private static final String STABLE = APP + "-stable";
    private static final int REPLICAS = 4;
    private final RoutedShop shop = new RoutedShop();

    @AfterEach
    void close() {
        shop.close();
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void theStableTrackAlwaysHasAReadyPodAndGetsEveryRequestOnlyOnceItRunsTheNewVersion(TrafficProvider provider) {
        Observations seen = new Observations(provider);
        ReleaseState done;
        List<RoutingKind> routers = List.of(RoutingKind.httpRoute("v1"), RoutingKind.virtualService("v1"),
                RoutingKind.trafficSplit("v1alpha2"), RoutingKind.INGRESS);
        List<RoutingKind> backends = List.of(POD, RoutingKind.SERVICE, RoutingKind.destinationRule("v1"));
        try (ClusterRecording recording = new ClusterRecording(shop.client, NS,
                java.util.stream.Stream.concat(backends.stream(), routers.stream()).toList(), routers)) {
            ReleaseService service = shop.service("stable-backend", ReleaseSettings.ActionHook.NONE);
            service.start(RoutedShop.manual(provider, List.of(10, 20, 30)), false);
            service.drive(NS, APP, s -> s.trafficIfAny().filter(TrafficState::atGate).isPresent(), WAIT, s -> { });
            service.promote(NS, APP, "ana");
            done = service.drive(NS, APP, s -> false, WAIT, s -> { });
            // The release is over once the track Services are gone: wait until the watch delivered that too.
            Eventually.assertThat(WAIT, () -> {
                List<Boolean> present = new ArrayList<>();
                recording.replay(m -> present.add(m.get("Service", STABLE) != null));
                assertThat(present).as("the stable track Service created, then deleted").contains(true)
                        .last().isEqualTo(false);
            });
            assertThat(recording.problems()).isEmpty();
            recording.replay(seen::check);
        }

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(seen.violations).isEmpty();
        assertThat(seen.weights).as("the canary's share moved through the steps, then back to 0")
                .containsSubsequence(10, 20, 30, 0);
        assertThat(seen.pins).as("the stable track was re-pinned while stable rolled").hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen.allOnStableAfterSteps).as("all requests on stable after the steps").isTrue();
    }

    /** What the replay saw, and every moment that broke a rule. */
    private static final class Observations {
        private final TrafficProvider provider;
        private final List<String> violations = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private final Set<Map<String, Object>> pins = new LinkedHashSet<>();
        private boolean allOnStableAfterSteps;

        Observations(TrafficProvider provider) {
            this.provider = provider;
        }

        void check(ClusterRecording.Moment moment) {
            OptionalInt share = canaryShare(moment);
            if (share.isEmpty()) {
                return;
            }
            if (weights.isEmpty() || weights.get(weights.size() - 1) != share.getAsInt()) {
                weights.add(share.getAsInt());
            }
            Map<String, Object> selector = stableSelector(moment);
            if (selector != null) {
                pins.add(selector);
            }
            List<Map<String, Object>> backends = readyPods(moment, selector);
            if (backends.isEmpty()) {
                violations.add(moment.when() + " the router sends to the stable track (canary "
                        + share.getAsInt() + " %), which selects no ready pod (selector " + selector + ")");
            }
            boolean afterSteps = weights.stream().anyMatch(w -> w > 0);
            if (share.getAsInt() == 0 && afterSteps) {
                allOnStableAfterSteps = true;
                List<String> images = backends.stream().map(StableBackendTest::image).toList();
                if (images.size() != REPLICAS || !images.stream().allMatch(RoutedShop.HEALTHY::equals)) {
                    violations.add(moment.when() + " all requests go to stable, whose ready pods run "
                            + images);
                }
            }
        }

        /** While the router sends to the stable track: the percentage the canary tracks get. */
        private OptionalInt canaryShare(ClusterRecording.Moment m) {
            return switch (provider) {
                case GATEWAY_API -> weightsOf(refs(m.get("HTTPRoute", "shop"), "rules", "backendRefs"), "name",
                        STABLE, APP + "-canary", APP + "-baseline");
                case ISTIO -> {
                    List<Map<String, Object>> routes = refs(m.get("VirtualService", "shop"), "http", "route");
                    List<Map<String, Object>> bySubset = routes.stream().map(r -> {
                        Map<String, Object> flat = new LinkedHashMap<>(r);
                        flat.put("subset", Trees.map(r, "destination").get("subset"));
                        return (Map<String, Object>) flat;
                    }).toList();
                    yield weightsOf(bySubset, "subset", "coalmine-stable", "coalmine-canary", "coalmine-baseline");
                }
                case SMI -> weightsOf(Trees.maps(spec(m.get("TrafficSplit", APP + "-coalmine")), "backends"),
                        "service", STABLE, APP + "-canary", APP + "-baseline");
                case NGINX -> {
                    boolean toStable = refs(m.get("Ingress", "shop"), "rules", "http").stream()
                            .flatMap(h -> Trees.maps(h, "paths").stream())
                            .anyMatch(p -> STABLE.equals(Trees.map(Trees.map(p, "backend"), "service").get("name")));
                    Map<String, Object> canary = m.get("Ingress", "shop-canary");
                    yield !toStable ? OptionalInt.empty() : OptionalInt.of(canary == null ? 0 : Integer.parseInt(
                            (String) Trees.map(Trees.map(canary, "metadata"), "annotations")
                                    .get("nginx.ingress.kubernetes.io/canary-weight")));
                }
                case REPLICAS -> OptionalInt.empty();
            };
        }

        /** The labels a pod needs to be a backend of the stable track, or null when that target does not exist. */
        private Map<String, Object> stableSelector(ClusterRecording.Moment m) {
            if (provider != TrafficProvider.ISTIO) {
                Map<String, Object> track = m.get("Service", STABLE);
                return track == null ? null : Trees.map(spec(track), "selector");
            }
            Map<String, Object> service = m.get("Service", APP);
            return m.all("DestinationRule").stream().flatMap(r -> Trees.maps(spec(r), "subsets").stream())
                    .filter(s -> "coalmine-stable".equals(s.get("name"))).findFirst().map(s -> {
                        Map<String, Object> labels = new LinkedHashMap<>(Trees.map(spec(service), "selector"));
                        labels.putAll(Trees.map(s, "labels"));
                        return labels;
                    }).orElse(null);
        }
    }

    private static List<Map<String, Object>> refs(Map<String, Object> object, String outer, String inner) {
        return Trees.maps(spec(object), outer).stream().flatMap(r -> inner.equals("http")
                ? java.util.stream.Stream.of(Trees.map(r, inner)) : Trees.maps(r, inner).stream()).toList();
    }

    /** The weight of the canary entries, when an entry sends to stable. */
    private static OptionalInt weightsOf(List<Map<String, Object>> entries, String key, String stable,
                                         String... canaries) {
        if (entries.stream().noneMatch(e -> stable.equals(e.get(key)))) {
            return OptionalInt.empty();
        }
        List<String> canaryNames = List.of(canaries);
        return OptionalInt.of(entries.stream().filter(e -> e.get(key) != null && canaryNames.contains(e.get(key)) && e.get("weight") != null)
                .mapToInt(e -> ((Number) e.get("weight")).intValue()).max().orElse(0));
    }

    private static List<Map<String, Object>> readyPods(ClusterRecording.Moment m, Map<String, Object> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        return m.all("Pod").stream().filter(p -> {
            Map<String, Object> metadata = Trees.map(p, "metadata");
            Map<String, Object> labels = Trees.map(metadata, "labels");
            return metadata.get("deletionTimestamp") == null
                    && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()))
                    && Trees.maps(Trees.map(p, "status"), "conditions").stream()
                    .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
        }).toList();
    }

    private static String image(Map<String, Object> pod) {
        return (String) Trees.maps(spec(pod), "containers").get(0).get("image");
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return object == null ? Map.of() : Trees.map(object, "spec");
    }
}
