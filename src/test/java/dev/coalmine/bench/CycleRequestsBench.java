package dev.coalmine.bench;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * API requests for one canary cycle with baseline (start → promote → Succeeded) driven by the engine, against
 * the same cycle done the Azure Pipelines way with the real kubectl: once with a cold discovery cache (a fresh
 * agent), then again with the cache that first cycle left (warm). All are counted by the demo API server, per
 * User-Agent, so the simulator's own requests are left out. Then once more on a cluster whose pods take ~14 s to
 * become ready, where whatever the engine does per second of waiting (Lease renewals, progress saves) would show.
 */
class CycleRequestsBench {
    private static final int REPETITIONS = 3;
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final String ENGINE_AGENT = "coalmine-bench-engine";
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** A pulled image and a started container: pods ready after ~14 s. */
    private static final Duration SLOW_PULL = Duration.ofSeconds(13);

    /** What one engine cycle asked, by method and path. */
    private static final Map<String, Long> ENGINE_REQUESTS = new TreeMap<>();

    @Test
    void cycleRequests() throws Exception {
        double[] ours = new double[REPETITIONS];
        double[] refCold = new double[REPETITIONS];
        double[] refWarm = new double[REPETITIONS];
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponent(new ClusterSimulation(SimulationSettings.fast())));
             KubernetesClient engineClient = engineClient(cluster)) {
            ReleaseService engine = engine(engineClient);
            for (int i = 0; i < REPETITIONS; i++) {
                double[] one = cycles(cluster, engine, 3 * i);
                ours[i] = one[0];
                refCold[i] = one[1];
                refWarm[i] = one[2];
            }
            System.out.println("cycle-requests per User-Agent: " + cluster.requests().snapshot());
            System.out.println("the engine's requests of one cycle (mean of " + REPETITIONS + "), by method and path: "
                    + perCycle(REPETITIONS));
            refuseDispatcher(cluster);
        }
        ENGINE_REQUESTS.clear();
        double[] slow;
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponent(new ClusterSimulation(slowPods(SimulationSettings.fast()))));
             KubernetesClient engineClient = engineClient(cluster)) {
            slow = cycles(cluster, engine(engineClient), 0);
            System.out.println("the engine's requests of the slow-pod cycle, by method and path: " + perCycle(1));
            refuseDispatcher(cluster);
        }
        double oursMedian = BenchReport.median(ours);
        record("cycle-requests", oursMedian, BenchReport.median(refWarm),
                "warm discovery cache (the --cache-dir a previous cycle of the same kubectl left)");
        record("cycle-requests-cold", oursMedian, BenchReport.median(refCold),
                "cold discovery cache (a new, empty --cache-dir and HOME, as on a fresh agent)");
        record("cycle-requests-slow", slow[0], slow[2], "warm discovery cache; pods ready ~14 s after they are "
                + "created (image pull " + SLOW_PULL.toSeconds() + " s), one cycle each");
    }

    /** One engine cycle, one kubectl cycle with a cold cache and one with the cache it left: their requests. */
    private static double[] cycles(DemoCluster cluster, ReleaseService engine, int version) throws Exception {
        Path kubeconfig = Files.createTempFile("bench-cycle", ".kubeconfig");
        try {
            cluster.writeKubeconfig(kubeconfig);
            String engineImage = image(version + 1);
            int from = cluster.requests().recent(ENGINE_AGENT).size();
            double ours = requests(cluster, ENGINE_AGENT, () -> engineCycle(engine, engineImage));
            cluster.requests().recent(ENGINE_AGENT).stream().skip(from).forEach(r -> ENGINE_REQUESTS.merge(
                    r.method() + " " + r.path() + (r.isWatch() ? " (watch)" : ""), 1L, Long::sum));
            BenchKubectl kubectl = new BenchKubectl(kubeconfig); // its own, empty discovery cache
            String coldImage = image(version + 2);
            double cold = requests(cluster, "kubectl", () -> kubectlCycle(kubectl, engine, cluster.client(), coldImage));
            String warmImage = image(version + 3);
            double warm = requests(cluster, "kubectl", () -> kubectlCycle(kubectl, engine, cluster.client(), warmImage));
            return new double[] {ours, cold, warm};
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    /** The engine as the CLI has it: a command's cache (see {@code CanarySession}). */
    private static ReleaseService engine(KubernetesClient client) {
        return new ReleaseService(client, ClusterCache.forCommands(client), ReleaseSettings.defaults("bench@cycle"),
                PrometheusAuth.none(), MetricSources.standard());
    }

    private static KubernetesClient engineClient(DemoCluster cluster) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.clientConfig())
                .withUserAgent(ENGINE_AGENT).build()).build();
    }

    private static SimulationSettings slowPods(SimulationSettings fast) {
        return new SimulationSettings(fast.tick(), SLOW_PULL, Duration.ofSeconds(1), fast.readinessCap(),
                fast.crashAfter(), fast.initRun(), fast.backOffBase(), fast.backOffMax(), fast.nodes());
    }

    private static Map<String, Long> perCycle(int cycles) {
        Map<String, Long> mean = new TreeMap<>();
        ENGINE_REQUESTS.forEach((request, n) -> mean.put(request, Math.round((double) n / cycles)));
        return mean;
    }

    private static void refuseDispatcher(DemoCluster cluster) {
        if (cluster.requests().count("kubectl-dispatcher") > 0) {
            throw new IllegalStateException("a kubectl dispatcher's requests were counted for the reference");
        }
    }

    private static void record(String name, double ours, double ref, String cache) {
        BenchReport.record(name, ours, ref, "req", "ratio<=1.0", BenchReport.ratioAtMost(ours, ref, 1.0),
                BenchKubectl.name() + ", the Azure KubernetesManifest canary cycle, " + cache);
    }

    /** The requests the demo server counts from User-Agents starting with {@code agent} while {@code cycle} runs. */
    private static double requests(DemoCluster cluster, String agent, Runnable cycle) throws InterruptedException {
        Settled.await(cluster.client(), NS, APP);
        long before = cluster.requests().count(agent);
        cycle.run();
        return cluster.requests().count(agent) - before;
    }

    private static String image(int version) {
        return "registry.example.com/shop/api:3." + version + ".0";
    }

    private static ReleasePlan plan(String image) {
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("api=" + image)), CanarySize.percent(50), true);
    }

    private static void engineCycle(ReleaseService engine, String image) {
        engine.start(plan(image), false);
        engine.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        engine.promote(NS, APP, "bench");
        ReleaseState done = engine.drive(NS, APP, s -> false, WAIT, s -> { });
        if (!(done.phase() instanceof ReleasePhase.Succeeded)) {
            throw new IllegalStateException("the engine's cycle ended in " + done.phase());
        }
        // What the cycle listed and watched counts for this cycle only: the next one lists again.
        engine.cache().close();
    }

    /**
     * Azure's KubernetesManifest task: apply canary and baseline, wait for both, apply the new stable, wait for it,
     * delete canary and baseline. The canary and baseline manifests are the ones the engine would create.
     */
    private static void kubectlCycle(BenchKubectl kubectl, ReleaseService engine, KubernetesClient reader,
            String image) {
        String canaryAndBaseline = engine.plan(plan(image)).yaml();
        kubectl.runWithInput(canaryAndBaseline, "apply", "-n", NS, "-f", "-");
        kubectl.run("rollout", "status", "-n", NS, "deployment/" + APP + "-canary", "--timeout=120s");
        kubectl.run("rollout", "status", "-n", NS, "deployment/" + APP + "-baseline", "--timeout=120s");
        kubectl.runWithInput(stableManifest(reader, image), "apply", "-n", NS, "-f", "-");
        kubectl.run("rollout", "status", "-n", NS, "deployment/" + APP, "--timeout=120s");
        kubectl.run("delete", "-n", NS, "deployment/" + APP + "-canary");
        kubectl.run("delete", "-n", NS, "deployment/" + APP + "-baseline");
    }

    /** The stable Deployment as a pipeline's manifest would have it: spec only, with the new image. */
    private static String stableManifest(KubernetesClient reader, String image) {
        Deployment stable = reader.apps().deployments().inNamespace(NS).withName(APP).get();
        ObjectMeta meta = stable.getMetadata();
        stable.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(meta.getName())
                .withNamespace(meta.getNamespace()).withLabels(meta.getLabels()).build());
        stable.setStatus(null);
        stable.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
        return reader.getKubernetesSerialization().asYaml(stable);
    }
}
