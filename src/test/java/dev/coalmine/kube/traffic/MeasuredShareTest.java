package dev.coalmine.kube.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's storefront has one Service behind each router; at every step the canary's share of that Service's
 * requests, counted by the demo's {@code http_requests_total} per track, is within 3 points of the step's weight.
 */
class MeasuredShareTest {
    private static final String NS = "storefront";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Pattern SAMPLE = Pattern.compile(
            "^http_requests_total\\{([^}]*)}\\s+([0-9.eE+]+)$");
    private final DemoCluster demo = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        demo.close();
    }

    @ParameterizedTest
    @EnumSource(value = TrafficProvider.class, names = {"GATEWAY_API", "ISTIO", "SMI", "NGINX"})
    void theCanarysMeasuredShareAtEachStepIsWithinThreePointsOfItsWeight(TrafficProvider provider) throws Exception {
        String app = switch (provider) {
            case GATEWAY_API -> "storefront-web";
            case ISTIO -> "storefront-api";
            case SMI -> "storefront-cart";
            default -> "storefront-search";
        };
        new TrafficKnobs(demo.client()).setRequestsPerSecond(600);
        Eventually.assertThat(WAIT, () -> assertThat(demo.client().apps().deployments().inNamespace(NS).withName(app)
                .get().getStatus().getReadyReplicas()).isEqualTo(1));
        ReleaseService service = new ReleaseService(demo.client(), new ClusterCache(demo.client()),
                ReleaseSettings.defaults("share").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)),
                PrometheusAuth.none(), App.demoAddOn().detect(demo.client()).metricSources());
        List<Integer> steps = provider == TrafficProvider.NGINX ? List.of(10, 40) : List.of(10, 30);
        service.start(ReleasePlan.ofImages(NS, app, List.of(ImageChange.parse(app.substring("storefront-".length())
                                + "=registry.example.com/storefront/x:1.1.0")), CanarySize.count(1),
                        provider != TrafficProvider.NGINX).withSteadyStateTimeout(Duration.ofSeconds(60))
                .withTraffic(new TrafficPlan(provider, null, steps, Duration.ofSeconds(1), List.of(), false, null)), false);

        for (int k = 0; k < steps.size(); k++) {
            int step = k;
            // Without a driver the ladder stays where it is: measure, then drive on to the next step.
            service.drive(NS, app, s -> s.trafficIfAny().filter(t -> t.started() && t.step() == step).isPresent(),
                    WAIT, s -> { });
            Thread.sleep(1000);
            Map<String, Double> before = requestsByTrack(app);
            Thread.sleep(WINDOW.toMillis());
            Map<String, Double> after = requestsByTrack(app);
            double canary = after.getOrDefault("canary", 0.0) - before.getOrDefault("canary", 0.0);
            double all = after.values().stream().mapToDouble(Double::doubleValue).sum()
                    - before.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(all).as("requests in the window").isGreaterThan(500);
            assertThat(100 * canary / all).as("canary share at %d %%", steps.get(k))
                    .isBetween(steps.get(k) - 3.0, steps.get(k) + 3.0);
        }
    }

    /** The demo's request counters of the workload's pods (stable, canary, baseline), summed per track. */
    private Map<String, Double> requestsByTrack(String app) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create(demo.metricsUrl().orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> byTrack = new HashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = labels(m.group(1));
            String deployment = labels.getOrDefault("deployment", "");
            if (NS.equals(labels.get("namespace")) && deployment.matches(Pattern.quote(app) + "(-canary|-baseline)?")) {
                byTrack.merge(labels.get("track"), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return byTrack;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
