package dev.coalmine.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.traffic.HeaderMatch;
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
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A release started with {@code --header x-canary=always} at a weight of 5 on the demo's storefront, whose traffic
 * sends 30 % of each Service's requests with that header: in the pods' access logs every request carrying the
 * header was served by the canary, and the canary's share of the other requests is within 3 points of 5 %.
 */
class HeaderRouteTest {
    private static final String NS = "storefront";
    private static final String HEADER_LINE = "\"x-canary: always\"";
    private static final int WEIGHT = 5;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final DemoCluster demo = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));

    @AfterEach
    void close() {
        demo.close();
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "NGINX"})
    void requestsWithTheHeaderAllReachTheCanaryAndTheOthersFollowTheWeight(TrafficProvider provider) {
        String app = switch (provider) {
            case GATEWAY_API -> "storefront-web";
            case ISTIO -> "storefront-api";
            default -> "storefront-search";
        };
        TrafficKnobs knobs = new TrafficKnobs(demo.client());
        knobs.setRequestsPerSecond(600);
        knobs.setHeaderRequests("x-canary=always", 0.3);
        Eventually.assertThat(WAIT, () -> assertThat(demo.client().apps().deployments().inNamespace(NS).withName(app)
                .get().getStatus().getReadyReplicas()).isEqualTo(1));
        ReleaseService service = new ReleaseService(demo.client(), new ClusterCache(demo.client()),
                ReleaseSettings.defaults("header").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)),
                PrometheusAuth.none(), App.demoAddOn().detect(demo.client()).metricSources());
        service.start(ReleasePlan.ofImages(NS, app, List.of(ImageChange.parse(app.substring("storefront-".length())
                                + "=registry.example.com/storefront/x:1.1.0")), CanarySize.count(1),
                        provider != TrafficProvider.NGINX).withSteadyStateTimeout(Duration.ofSeconds(60))
                .withTraffic(new TrafficPlan(provider, null, List.of(WEIGHT, 50), Duration.ofSeconds(1), List.of(),
                        false, new HeaderMatch("x-canary", "always"))), false);
        // Without a driver the ladder stays at its first step once it got there.
        service.drive(NS, app, s -> s.trafficIfAny().filter(t -> t.started() && t.step() == 0).isPresent(),
                WAIT, s -> { });

        // A window may begin before the router changed; a later one, wholly after it, must show the split.
        Eventually.assertThat(WAIT, () -> {
            Instant to = Instant.now().minusSeconds(1);
            Instant from = to.minusSeconds(3);
            Map<String, Long> withHeader = new HashMap<>();
            Map<String, Long> without = new HashMap<>();
            for (Pod pod : demo.client().pods().inNamespace(NS).withLabel("app", app).list().getItems()) {
                String track = pod.getMetadata().getLabels().getOrDefault("coalmine.dev/track", "stable");
                for (String line : accessLog(pod, from, to)) {
                    (line.endsWith(HEADER_LINE) ? withHeader : without).merge(track, 1L, Long::sum);
                }
            }
            long all = without.values().stream().mapToLong(Long::longValue).sum();
            assertThat(withHeader.values().stream().mapToLong(Long::longValue).sum()).as("requests with the header")
                    .isGreaterThan(200);
            assertThat(withHeader).as("tracks that served requests with the header").containsOnlyKeys("canary");
            assertThat(all).as("requests without the header").isGreaterThan(500);
            assertThat(100.0 * without.getOrDefault("canary", 0L) / all).as("canary share of the others")
                    .isBetween(WEIGHT - 3.0, WEIGHT + 3.0);
        });
    }

    /** The pod's access-log lines written in [from, to), read through the API with their timestamps. */
    private List<String> accessLog(Pod pod, Instant from, Instant to) {
        String log = demo.client().pods().inNamespace(NS).withName(pod.getMetadata().getName()).usingTimestamps()
                .getLog();
        return log.lines().filter(l -> l.contains("\"GET ")).filter(l -> {
            Instant at = Instant.parse(l.substring(0, l.indexOf(' ')));
            return !at.isBefore(from) && at.isBefore(to);
        }).toList();
    }
}
