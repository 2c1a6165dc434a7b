package dev.coalmine.bench;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.CollectionReads;
import dev.coalmine.testing.Deployments;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a release waiting for a person costs the API server: requests per minute from a console that has its rollout
 * view open (driving it, following its Events, rollout lines and pod logs) and from a CLI following it
 * ({@code status --watch}); and the collection reads of a console that opens the views of 100 releases of one
 * namespace in turn: one collection per kind (a selector of a workload's own would make one per workload) and one LIST
 * and one WATCH of each. Counted by the demo API server per User-Agent, product defaults (15 s Lease).
 */
class IdleCostBench {
    private static final String NS = "default";
    private static final String APP = "shop-frontend";
    private static final String MANY_NS = "bench-idle";
    private static final int MANY = 100;
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void idleCost() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            ReleaseService pipeline = new ReleaseService(cluster.client(), ReleaseSettings.defaults("pipeline"));
            pipeline.start(plan(NS, APP, "shop/frontend:1.4.0"), false);

            double console = perMinute(cluster, "bench-idle-console", true);
            double follower = perMinute(cluster, "bench-idle-cli", false);
            BenchReport.record("idle-cost", console, 0, "req/min", "ours<=2", console <= 2,
                    String.format(Locale.ROOT, "cli-status-watch=%.1freq/min", follower),
                    "absolute goal; ours: a console's open rollout view of a release awaiting judgment, requests in "
                            + WINDOW.toSeconds() + " s after it settled, without pod CPU/memory samples (metrics.k8s.io)");

            List<RequestCounter.Request> reads = manyReleasesOpenedInTurn(cluster, pipeline);
            Map<String, Long> perCollection = reads.stream().collect(Collectors.groupingBy(
                    r -> (r.isWatch() ? "WATCH " : "LIST ") + CollectionReads.collection(r), TreeMap::new,
                    Collectors.counting()));
            Map<String, Set<String>> perKind = CollectionReads.collectionsPerKind(reads.stream());
            long mostReads = perCollection.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long mostCollections = perKind.values().stream().mapToLong(Set::size).max().orElse(0);
            long collections = perKind.values().stream().mapToLong(Set::size).sum();
            BenchReport.record("idle-cost-100", Math.max(mostReads, mostCollections), 1, "per-kind", "ours<=1",
                    mostReads <= 1 && mostCollections <= 1,
                    "collections-per-kind=" + mostCollections + " reads-per-collection=" + mostReads + " collections="
                            + collections + " kinds=" + perKind.size(),
                    "one LIST+WATCH per kind per namespace whatever the number of releases; ours: the larger of the most"
                            + " collections of one kind and the most LISTs or WATCHes of one collection while a console"
                            + " opened " + MANY + " releases of one namespace in turn: " + perCollection);
        }
    }

    /** Requests per minute from {@code agent} while a release waits for judgment, with a view driving it or not. */
    private static double perMinute(DemoCluster cluster, String agent, boolean drives) throws Exception {
        try (KubernetesClient client = client(cluster, agent)) {
            ReleaseService engine = engine(client);
            try (ReleaseSession release = engine.session(NS, APP)) {
                CompletableFuture<ReleaseStatus> waiting = new CompletableFuture<>();
                release.watch(status -> {
                    if (phase(status).filter(ReleasePhase::awaitingDecision).isPresent()) {
                        waiting.complete(status);
                    }
                });
                if (drives) {
                    release.followEvents(e -> { });
                    release.followRollout(l -> { });
                    release.followPodLogs(l -> { });
                    release.driveInBackground(problem -> { });
                }
                waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                Thread.sleep(10_000); // opening costs its LISTs and WATCHes once: measure what follows
                int from = cluster.requests().recent(agent).size();
                Thread.sleep(WINDOW.toMillis());
                long count = cluster.requests().recent(agent).stream().skip(from)
                        .filter(r -> !r.path().contains("metrics.k8s.io")).count();
                return count * 60.0 / WINDOW.toSeconds();
            }
        }
    }

    /** The collection reads (LISTs and WATCHes) in the namespace of a console that opened its releases in turn. */
    private static List<RequestCounter.Request> manyReleasesOpenedInTurn(DemoCluster cluster, ReleaseService pipeline)
            throws Exception {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(MANY_NS).endMetadata()
                .build()).create();
        for (int i = 0; i < MANY; i++) {
            String name = String.format(Locale.ROOT, "svc-%03d", i);
            cluster.client().apps().deployments().inNamespace(MANY_NS)
                    .resource(Deployments.of(MANY_NS, name, 1, "registry.example.com/svc:1")).create();
        }
        for (int i = 0; i < MANY; i++) {
            String name = String.format(Locale.ROOT, "svc-%03d", i);
            pipeline.start(plan(MANY_NS, name, "registry.example.com/svc:2"), true);
        }
        String agent = "bench-idle-many";
        try (KubernetesClient client = client(cluster, agent)) {
            ReleaseService engine = engine(client);
            try (WorkloadFeed list = WorkloadFeed.open(engine.cache(), MANY_NS, CollectionReads.unseenWorkloads())) {
                for (int i = 0; i < MANY; i++) {
                    openUntilShown(engine, String.format(Locale.ROOT, "svc-%03d", i));
                }
            }
        }
        return CollectionReads.in(cluster.requests().recent(agent), MANY_NS).toList();
    }

    /** Opens the release's view (driving it, as the console does) until it shows the release, then closes it. */
    private static void openUntilShown(ReleaseService engine, String deployment) throws Exception {
        try (ReleaseSession release = engine.session(MANY_NS, deployment)) {
            CompletableFuture<ReleaseStatus> shown = new CompletableFuture<>();
            release.watch(status -> {
                if (status.current().isPresent()) {
                    shown.complete(status);
                }
            });
            release.driveInBackground(problem -> { });
            shown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Optional<ReleasePhase> phase(ReleaseStatus status) {
        return status.current().map(s -> s.phase());
    }

    private static ReleasePlan plan(String namespace, String deployment, String image) {
        return ReleasePlan.ofImages(namespace, deployment, List.of(ImageChange.parse(image)), CanarySize.count(1), false);
    }

    private static KubernetesClient client(DemoCluster cluster, String agent) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.clientConfig())
                .withUserAgent(agent).build()).build();
    }

    private static ReleaseService engine(KubernetesClient client) {
        return new ReleaseService(client, ClusterCache.lingering(client), ReleaseSettings.defaults("console"),
                PrometheusAuth.none(), MetricSources.standard());
    }
}
