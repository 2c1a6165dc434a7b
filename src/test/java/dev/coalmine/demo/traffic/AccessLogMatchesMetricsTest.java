package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.Await;
import dev.coalmine.demo.sim.Manifests;
import dev.coalmine.demo.sim.SimulationSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's pod logs back up its metrics: a pod's access log is written from the requests the traffic simulation
 * counted, so a canary answering about 10 % with 500 logs about 10 % 500s, read over the API as kubectl reads it.
 */
class AccessLogMatchesMetricsTest {
    private static final Pattern STATUS = Pattern.compile("\"GET [^\"]+ HTTP/1.1\" (\\d{3}) ");

    private DemoCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        client.resource(Manifests.deployment("web", 1, "registry.example/web:1.0", Map.of("app", "web")).build()).create();
        client.resource(Manifests.deployment("web-canary", 1, "registry.example/web:1.1-faulty",
                Map.of("app", "web", "coalmine.dev/track", "canary")).build()).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80).endPort().endSpec().build())
                .create();
        new TrafficKnobs(client).setRequestsPerSecond(600);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theCanarysLogShowsTheErrorsItsCountersCount() {
        String metrics = cluster.metricsUrl().orElseThrow();
        Await.until("1000 canary requests counted", () -> Scrape.of(metrics)
                .sum("http_requests_total", l -> "canary".equals(l.get("track"))) >= 1000);

        Pod canary = pod("web-canary");
        List<Integer> logged = statuses(client.pods().inNamespace("default").withName(canary.getMetadata().getName())
                .getLog());
        Scrape counted = Scrape.of(metrics);
        String name = canary.getMetadata().getName();
        double total = counted.sum("http_requests_total", l -> name.equals(l.get("pod")));
        double errors = counted.sum("http_requests_total", l -> name.equals(l.get("pod")) && l.get("code").startsWith("5"));

        long loggedErrors = logged.stream().filter(code -> code >= 500).count();
        assertThat(logged.size()).as("a line per counted request, read just before the counters")
                .isGreaterThanOrEqualTo(1000).isLessThanOrEqualTo((int) total);
        assertThat(loggedErrors).isLessThanOrEqualTo((long) errors);
        assertThat((double) loggedErrors / logged.size()).as("share of 5xx lines").isBetween(0.06, 0.14)
                .isCloseTo(errors / total, within(0.02));

        List<Integer> stable = statuses(client.pods().inNamespace("default").withName(pod("web").getMetadata().getName())
                .getLog());
        assertThat(stable).isNotEmpty();
        assertThat(stable.stream().filter(code -> code >= 500).count()).isLessThan(stable.size() / 50 + 1);
    }

    private Pod pod(String deployment) {
        return client.pods().inNamespace("default").list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith(deployment + "-")
                        && (deployment.endsWith("canary") || !p.getMetadata().getName().contains("canary")))
                .findFirst().orElseThrow();
    }

    private static List<Integer> statuses(String log) {
        return log.lines().map(STATUS::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList();
    }
}
