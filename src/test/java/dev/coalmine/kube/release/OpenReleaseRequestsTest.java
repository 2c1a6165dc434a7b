package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.addon.ClusterExtras;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.CollectionReads;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a console costs the API server while a rollout view is open: the workload list, the release's snapshots,
 * the driver, its Events, rollout lines, pod logs and evidence all read through one shared cache, so each kind is
 * one collection per namespace (every pod, whichever selector picks it, from one pod collection), listed once and
 * watched once, however many parts use it.
 */
class OpenReleaseRequestsTest {
    private static final String NS = "default";
    private static final String APP = "shop-frontend";
    private static final String CONSOLE = "coalmine-console-under-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private final KubernetesClient console = AgentClient.of(cluster.clientConfig(), CONSOLE);

    @AfterEach
    void stop() {
        console.close();
        cluster.close();
    }

    @Test
    void anOpenRolloutViewListsAndWatchesEachKindOncePerNamespace() throws Exception {
        startRelease();
        ReleaseService engine = consoleEngine(App.demoAddOn().detect(console).metricSources());

        openRolloutView(engine, true);

        Map<String, Long> lists = collectionReads(false);
        Map<String, Long> watches = collectionReads(true);
        assertThat(lists).as("LISTs per collection: %s", lists).isNotEmpty().allSatisfy((path, n) -> assertThat(n).isOne());
        assertThat(watches).as("WATCHes per collection: %s", watches).allSatisfy((path, n) -> assertThat(n).isOne());
        assertThat(watches.keySet()).containsExactlyInAnyOrderElementsOf(lists.keySet());
        Map<String, Set<String>> perKind = CollectionReads.collectionsPerKind(
                CollectionReads.in(cluster.requests().recent(CONSOLE), NS));
        assertThat(perKind).as("collections per kind: %s", perKind).isNotEmpty()
                .allSatisfy((kind, collections) -> assertThat(collections).hasSize(1));
    }

    @Test
    void onAClusterThatIsNotTheDemoAnOpenRolloutViewAsksForNoDemoObject() throws Exception {
        cluster.client().configMaps().inNamespace(DemoEndpoints.NAMESPACE).withName(DemoEndpoints.CONFIG_MAP).delete();
        ClusterExtras extras = App.demoAddOn().detect(console);
        assertThat(extras.simulated()).as("without its endpoints ConfigMap the cluster is not taken for the demo").isFalse();
        startRelease();
        int before = cluster.requests().recent(CONSOLE).size();

        openRolloutView(consoleEngine(extras.metricSources()), false);

        assertThat(cluster.requests().recent(CONSOLE).stream().skip(before).map(RequestCounter.Request::uri))
                .isNotEmpty().noneMatch(uri -> uri.contains(DemoEndpoints.NAMESPACE) || uri.contains(DemoEndpoints.CONFIG_MAP));
    }

    private void startRelease() {
        new ReleaseService(cluster.client(), ReleaseSettings.defaults("pipeline"))
                .start(ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=shop/frontend:1.4.0")),
                        CanarySize.count(1), true), false);
    }

    private ReleaseService consoleEngine(MetricSources metricSources) {
        return new ReleaseService(console, new ClusterCache(console), ReleaseSettings.defaults("console")
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(200)), PrometheusAuth.none(), metricSources);
    }

    /** What the console opens for a release (the workload list beside it); drives it to its decision, maybe on. */
    private void openRolloutView(ReleaseService engine, boolean promote) throws InterruptedException {
        AtomicReference<ReleaseStatus> shown = new AtomicReference<>();
        try (ReleaseSession release = engine.session(NS, APP);
             WorkloadFeed workloads = WorkloadFeed.open(engine.cache(), NS, CollectionReads.unseenWorkloads())) {
            release.watch(shown::set);
            release.followEvents(e -> { });
            release.followRollout(l -> { });
            release.followPodLogs(l -> { });
            release.openEvidence().orElseThrow();
            release.driveInBackground(problem -> { });

            Eventually.assertThat(WAIT, () -> assertThat(phase(shown)).isEqualTo(new ReleasePhase.AwaitingJudgment()));
            if (promote) {
                release.promote("operator");
                Eventually.assertThat(WAIT, () -> assertThat(phase(shown)).isEqualTo(new ReleasePhase.Succeeded()));
            }
            Thread.sleep(6_000); // a chart refresh or two more
        }
    }

    private static ReleasePhase phase(AtomicReference<ReleaseStatus> shown) {
        ReleaseStatus status = shown.get();
        return status == null ? null : status.current().map(s -> s.phase()).orElse(null);
    }

    /** The console's reads of whole collections in the namespace, counted per collection and label selector. */
    private Map<String, Long> collectionReads(boolean watch) {
        return CollectionReads.in(cluster.requests().recent(CONSOLE), NS).filter(r -> r.isWatch() == watch)
                .map(CollectionReads::collection)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
