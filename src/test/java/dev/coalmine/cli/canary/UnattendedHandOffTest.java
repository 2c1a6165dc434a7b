package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a release handed to an in-cluster engine runs to its end with no Coalmine process left.
 * Each {@code coalmine canary start … --engine X} runs in a JVM of its own, as a user's would, and has exited before
 * the test looks at the release; from then on only the demo cluster's simulated engines work on it. A good image is
 * promoted; a {@code faulty} one ends aborted (Argo: Degraded) or failed (Flagger) with all traffic on the stable.
 */
class UnattendedHandOffTest {
    /** Long: the whole release runs in the cluster, on a machine that may be busy with other builds. */
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final long CLI_MINUTES = 6;
    private static final String NS = "default";
    private static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io", "v1alpha1", "Rollout", "rollouts");
    private static final ResourceDefinitionContext CANARIES = context("flagger.app", "v1beta1", "Canary", "canaries");

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static Path kubeconfig;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
        client = cluster.client();
        kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        // Hundreds of requests in every check's window: a 10 % faulty canary cannot pass a check by luck.
        new TrafficKnobs(client).setRequestsPerSecond(600);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void argoRolloutsPromotesAGoodImageAndAbortsAFaultyOneAfterTheCliHasExited() throws Exception {
        handOff("shop-api", "api=registry.example.com/shop/api:2.8.0", "argo-rollouts");
        Eventually.assertThat(WAIT, () -> {
            Map<?, ?> status = status(ROLLOUTS, "shop-api");
            assertThat(status.get("phase")).as("%s", status).isEqualTo("Healthy");
            assertThat(status.get("stableRS")).isEqualTo(status.get("currentPodHash"));
            assertThat(image(replicaSet(status.get("stableRS")))).isEqualTo("registry.example.com/shop/api:2.8.0");
        });
        assertNoCoalmineDriver("shop-api");

        handOff("shop-api", "api=registry.example.com/shop/api:2.9.0-faulty", "argo-rollouts");
        Eventually.assertThat(WAIT, () -> {
            Map<?, ?> status = status(ROLLOUTS, "shop-api");
            assertThat(status.get("phase")).as("%s", status).isEqualTo("Degraded");
            assertThat(String.valueOf(status.get("message"))).startsWith("RolloutAborted");
            Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) status.get("canary")).get("weights");
            assertThat(((Map<?, ?>) weights.get("canary")).get("weight")).isEqualTo(0);
            assertThat(((Map<?, ?>) weights.get("stable")).get("weight")).isEqualTo(100);
            assertThat(replicaSet(status.get("currentPodHash")).getSpec().getReplicas()).as("the canary").isZero();
            ReplicaSet stable = replicaSet(status.get("stableRS"));
            assertThat(image(stable)).isEqualTo("registry.example.com/shop/api:2.8.0");
            assertThat(stable.getStatus().getAvailableReplicas()).isEqualTo(stable.getSpec().getReplicas())
                    .isPositive();
        });
        assertNoCoalmineDriver("shop-api");
    }

    @Test
    void flaggerPromotesAGoodImageAndFailsAFaultyOneAfterTheCliHasExited() throws Exception {
        handOff("shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.0", "flagger");
        Eventually.assertThat(WAIT, () -> {
            Map<?, ?> status = status(CANARIES, "shop-frontend");
            assertThat(status.get("phase")).as("%s", status).isEqualTo("Succeeded");
            assertThat(primaryImage()).isEqualTo("registry.example.com/shop/frontend:1.4.0");
        });
        assertNoCoalmineDriver("shop-frontend");

        handOff("shop-frontend", "frontend=registry.example.com/shop/frontend:1.5.0-faulty", "flagger");
        Eventually.assertThat(WAIT, () -> {
            Map<?, ?> status = status(CANARIES, "shop-frontend");
            assertThat(status.get("phase")).as("%s", status).isEqualTo("Failed");
            assertThat(status.get("canaryWeight")).isEqualTo(0);
            assertThat(client.apps().deployments().inNamespace(NS).withName("shop-frontend").get().getSpec()
                    .getReplicas()).as("the canary is scaled to zero").isZero();
        });
        assertThat(client.services().inNamespace(NS).withName("shop-frontend").get().getSpec().getSelector())
                .as("all traffic on the primary").containsEntry("app", "shop-frontend-primary");
        assertThat(primaryImage()).isEqualTo("registry.example.com/shop/frontend:1.4.0");
        assertNoCoalmineDriver("shop-frontend");
    }

    /** {@code coalmine canary start} in its own JVM, judged automatically every 2 s; returns once it has exited. */
    private static void handOff(String deployment, String image, String engine) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.coalmine.App", "--kubeconfig",
                kubeconfig.toString(), "canary", "start", deployment, "-n", NS, "--image", image, "--count", "1",
                "--judge", "auto", "--analysis-interval", "2s", "--passing-checks", "2", "--engine", engine));
        Process cli = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = cli.waitFor(CLI_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            cli.destroyForcibly();
        }
        assertThat(exited).as("the CLI returns after the hand-off; stderr: %s", Files.readString(err)).isTrue();
        assertThat(cli.exitValue()).as("stderr: %s", Files.readString(err)).isZero();
        assertThat(Files.readString(out)).contains("handed to " + engine);
        assertThat(cli.isAlive()).isFalse();
    }

    /** Coalmine's own engine drives a release only while it holds the workload's Lease and keeps its state ConfigMap. */
    private static void assertNoCoalmineDriver(String deployment) {
        assertThat(client.leases().inNamespace(NS).withName("coalmine-release-" + deployment).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName("coalmine-release-" + deployment).get()).isNull();
    }

    private static ReplicaSet replicaSet(Object hash) {
        return client.apps().replicaSets().inNamespace(NS).withName("shop-api-" + hash).get();
    }

    private static String image(ReplicaSet rs) {
        return rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static String primaryImage() {
        return client.apps().deployments().inNamespace(NS).withName("shop-frontend-primary").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static Map<?, ?> status(ResourceDefinitionContext type, String name) {
        GenericKubernetesResource r = client.genericKubernetesResources(type).inNamespace(NS).withName(name).get();
        Object status = r == null ? null : r.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m ? m : Map.of();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
