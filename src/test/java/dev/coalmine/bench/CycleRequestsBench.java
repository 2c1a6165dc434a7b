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
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * API requests for one canary cycle with baseline (start → promote → Succeeded) driven by the engine, against
 * the same cycle done the Azure Pipelines way with kubectl. Both are counted by the demo API server, per
 * User-Agent, so the simulator's own requests are left out.
 */
class CycleRequestsBench {
    private static final int REPETITIONS = 3;
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final String ENGINE_AGENT = "coalmine-bench-engine";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void cycleRequests() throws Exception {
        double[] ours = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponent(new ClusterSimulation(SimulationSettings.fast())));
             KubernetesClient engineClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
                     DemoCluster.clientConfig(cluster.apiServerUrl())).withUserAgent(ENGINE_AGENT).build()).build()) {
            Path kubeconfig = Files.createTempFile("bench-cycle", ".kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            ReleaseService engine = new ReleaseService(engineClient, ReleaseSettings.defaults("bench@cycle"));
            int version = 0;
            for (int i = 0; i < REPETITIONS; i++) {
                Settled.await(cluster.client(), NS, APP);
                long before = cluster.requests().count(ENGINE_AGENT);
                engineCycle(engine, image(++version));
                ours[i] = cluster.requests().count(ENGINE_AGENT) - before;

                Settled.await(cluster.client(), NS, APP);
                before = cluster.requests().count("kubectl");
                kubectlCycle(new BenchKubectl(kubeconfig), engine, cluster.client(), image(++version));
                ref[i] = cluster.requests().count("kubectl") - before;
            }
            System.out.println("cycle-requests per User-Agent: " + cluster.requests().snapshot());
            Files.deleteIfExists(kubeconfig);
        }
        double oursMedian = BenchReport.median(ours);
        double refMedian = BenchReport.median(ref);
        BenchReport.record("cycle-requests", oursMedian, refMedian, "req", "ratio<=1.0",
                BenchReport.ratioAtMost(oursMedian, refMedian, 1.0),
                BenchKubectl.name() + ", the Azure KubernetesManifest canary cycle, cold discovery cache (fresh HOME per cycle)");
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
