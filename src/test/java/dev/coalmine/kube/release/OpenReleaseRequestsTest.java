package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a console costs the API server while a rollout view is open: the workload list, the release's snapshots,
 * the driver, its Events, rollout lines, pod logs and evidence all read through one shared cache, so each kind is
 * listed once and watched once per namespace, however many parts use it.
 */
class OpenReleaseRequestsTest {
    private static final String NS = "default";
    private static final String APP = "shop-frontend";
    private static final String CONSOLE = "coalmine-console-under-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private final KubernetesClient console = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
            DemoCluster.clientConfig(cluster.apiServerUrl())).withUserAgent(CONSOLE).build()).build();

    @AfterEach
    void stop() {
        console.close();
        cluster.close();
    }

    @Test
    void anOpenRolloutViewListsAndWatchesEachKindOncePerNamespace() throws Exception {
        new ReleaseService(cluster.client(), ReleaseSettings.defaults("pipeline"))
                .start(ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=shop/frontend:1.4.0")),
                        CanarySize.count(1), true), false);
        ClusterCache cache = new ClusterCache(console);
        ReleaseService engine = new ReleaseService(console, cache, ReleaseSettings.defaults("console")
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(200)), PrometheusAuth.none(),
                App.demoAddOn().detect(console).metricSources());
        AtomicReference<ReleaseStatus> shown = new AtomicReference<>();

        try (WorkloadFeed workloads = WorkloadFeed.open(cache, NS, new IgnoredWorkloads());
             ReleaseSession release = engine.session(NS, APP)) {
            release.watch(shown::set);
            release.followEvents(e -> { });
            release.followRollout(l -> { });
            release.followPodLogs(l -> { });
            release.openEvidence().orElseThrow();
            release.driveInBackground(problem -> { });

            Eventually.assertThat(WAIT, () -> assertThat(phase(shown)).isEqualTo(new ReleasePhase.AwaitingJudgment()));
            release.promote("operator");
            Eventually.assertThat(WAIT, () -> assertThat(phase(shown)).isEqualTo(new ReleasePhase.Succeeded()));
            Thread.sleep(6_000); // a chart refresh or two after the end
        }

        Map<String, Long> lists = collectionReads(false);
        Map<String, Long> watches = collectionReads(true);
        assertThat(lists).as("LISTs per collection: %s", lists).isNotEmpty().allSatisfy((path, n) -> assertThat(n).isOne());
        assertThat(watches).as("WATCHes per collection: %s", watches).allSatisfy((path, n) -> assertThat(n).isOne());
        assertThat(watches.keySet()).containsExactlyInAnyOrderElementsOf(lists.keySet());
    }

    private static ReleasePhase phase(AtomicReference<ReleaseStatus> shown) {
        ReleaseStatus status = shown.get();
        return status == null ? null : status.current().map(s -> s.phase()).orElse(null);
    }

    /** The console's reads of whole collections in the namespace (LISTs or WATCHes), counted per collection. */
    private Map<String, Long> collectionReads(boolean watch) {
        return cluster.requests().recent().stream()
                .filter(r -> r.userAgent().equals(CONSOLE) && r.method().equals("GET") && r.isWatch() == watch)
                .map(RequestCounter.Request::path)
                .filter(path -> path.matches(".*/namespaces/" + NS + "/[a-z]+"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static final class IgnoredWorkloads implements WorkloadFeed.Listener {
        @Override
        public void upserted(WorkloadSummary workload) {
        }

        @Override
        public void removed(String name) {
        }
    }
}
