package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.ReliabilityFigures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases through the command line while the demo API server answers 5 % of its requests with a fault: start then
 * promote, start then reject, the automatic judge on a faulty canary, and a manifest release, in turn. Each ends in
 * the phase its decision asked for, leaves no canary or baseline behind, rolls stable at most once and sends no
 * Event twice (each carries the lines of one save of its step log). {@code -Psoak} runs 50 releases; the normal suite a
 * short run ({@code coalmine.soak.releases}, 2 by default: a promote and a reject, about two minutes).
 */
class SoakUnderApiFaultsTest {
    private static final String NS = "default";
    private static final String APP = "shop-frontend";
    private static final int RELEASES = Integer.getInteger("coalmine.soak.releases", 2);
    private static final double FAULT_PERCENT = 5;
    private static final int AGAIN_AT_MOST = 3;

    @TempDir
    Path dir;

    private record Outcome(String phase, int commandsAgain) {
    }

    @Test
    void everyReleaseEndsAsDecidedWithNothingOrphanedAndNothingDoneTwice() throws Exception {
        long seed = 20261206L;
        long started = System.nanoTime();
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast()))
                .withFaults(new FaultSettings(FAULT_PERCENT, seed)))) {
            new TrafficKnobs(cluster.client()).setRequestsPerSecond(600);
            Path kubeconfig = dir.resolve("kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            CliRunner cli = new CliRunner(kubeconfig);
            KubernetesClient own = cluster.client();
            int again = 0;
            List<String> kinds = List.of("promote", "reject", "automatic judge, faulty canary", "manifest, promote");
            for (int i = 0; i < RELEASES; i++) {
                String kind = kinds.get(i % kinds.size());
                long generation = stable(own).getMetadata().getGeneration();
                List<String> eventsBefore = coalmineEvents(own);
                Outcome outcome = release(cli, own, i, kind);
                again += outcome.commandsAgain();
                String expected = kind.startsWith("reject") || kind.startsWith("automatic") ? "Rejected" : "Succeeded";
                assertThat(outcome.phase()).as("release %d (%s): %s", i, kind, cli.err()).isEqualTo(expected);
                assertThat(orphans(own)).as("release %d (%s): objects left behind", i, kind).isEmpty();
                assertThat(stable(own).getMetadata().getGeneration() - generation)
                        .as("release %d (%s): rolling updates of stable", i, kind)
                        .isEqualTo(expected.equals("Succeeded") ? 1 : 0);
                List<String> sent = new ArrayList<>(coalmineEvents(own));
                eventsBefore.forEach(sent::remove);
                // Each Event carries the step-log lines of one save; a save or an Event sent again repeats the message
                // of the Event before it.
                assertThat(sent).as("release %d (%s): Coalmine Events", i, kind).isNotEmpty();
                assertThat(sentTwiceInARow(sent)).as("release %d (%s): Coalmine Events sent again", i, kind).isEmpty();
            }
            long faults = cluster.faults().total();
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(faults).as("faults were injected").isPositive();
            ReliabilityFigures.record(RELEASES >= 50 ? "soak" : "soak-short", """
                    | releases at %.0f %% API faults | ended in the phase asked for | objects left behind | second rolling updates | Event storms | faults injected | commands run again |
                    |---|---|---|---|---|---|---|
                    | %d (%s) | %d of %d | 0 | 0 | 0 | %d | %d |

                    Seed %d, %d s on one demo cluster.
                    """.formatted(FAULT_PERCENT, RELEASES, String.join(", ", kinds.subList(0,
                    Math.min(kinds.size(), RELEASES))), RELEASES, RELEASES, faults, again, seed, seconds));
        }
    }

    private Outcome release(CliRunner cli, KubernetesClient own, int i, String kind) throws Exception {
        int again = 0;
        String image = "frontend=registry.example.com/shop/frontend:3." + i + (kind.startsWith("automatic") ? "-faulty" : "");
        List<String> start = new ArrayList<>(List.of("canary", "start", APP, "--count", "1"));
        if (kind.startsWith("manifest")) {
            start.addAll(List.of("-f", manifest(own, i).toString()));
        } else {
            start.addAll(List.of("--image", image));
        }
        if (kind.startsWith("automatic")) {
            start.addAll(List.of("--judge", "auto", "--analysis-interval", "3s", "--max-failed-checks", "2",
                    "--metrics-preset", "demo"));
        }
        int before = releaseNumber(cli);
        int code = cli.run(start.toArray(String[]::new));
        while (code == 1 && again < AGAIN_AT_MOST) {
            again++;
            code = releaseNumber(cli) == before ? cli.run(start.toArray(String[]::new))
                    : cli.run("canary", "resume", APP);
        }
        if (!kind.startsWith("automatic")) {
            String decision = kind.contains("reject") ? "reject" : "promote";
            code = cli.run("canary", decision, APP);
            while (code == 1 && again < AGAIN_AT_MOST * 2) {
                again++;
                code = cli.run("canary", "resume", APP);
            }
        }
        return new Outcome(status(cli).path("phase").asText(), again);
    }

    private static JsonNode status(CliRunner cli) throws Exception {
        for (int tries = 0; ; tries++) {
            if (cli.run("canary", "status", APP, "-o", "json") == 0 || tries == AGAIN_AT_MOST) {
                return new ObjectMapper().readTree(cli.out().isBlank() ? "{}" : cli.out());
            }
        }
    }

    private static int releaseNumber(CliRunner cli) throws Exception {
        return status(cli).path("release").asInt(0);
    }

    private static Deployment stable(KubernetesClient own) {
        return own.apps().deployments().inNamespace(NS).withName(APP).get();
    }

    /** The workload's canary and baseline objects: once a release has ended there must be none. */
    private static List<String> orphans(KubernetesClient own) {
        return Stream.of(own.apps().deployments().inNamespace(NS).list().getItems(),
                        own.apps().replicaSets().inNamespace(NS).list().getItems(),
                        own.pods().inNamespace(NS).list().getItems())
                .flatMap(List::stream).map(HasMetadata::getMetadata)
                .filter(m -> m.getName().startsWith(APP + "-canary") || m.getName().startsWith(APP + "-baseline"))
                .filter(m -> m.getDeletionTimestamp() == null)
                .map(m -> m.getName()).toList();
    }


    /** Each Coalmine Event's message in the order the server stored them, once per time it was sent (its count). */
    private static List<String> coalmineEvents(KubernetesClient own) {
        return own.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> "coalmine".equals(e.getReportingComponent()))
                .sorted(Comparator.comparingLong(e -> Long.parseLong(e.getMetadata().getResourceVersion())))
                .flatMap(e -> Collections.nCopies(e.getCount() == null ? 1 : e.getCount(), e.getMessage()).stream())
                .toList();
    }

    private static List<String> sentTwiceInARow(List<String> messages) {
        return IntStream.range(1, messages.size()).filter(i -> messages.get(i).equals(messages.get(i - 1)))
                .mapToObj(messages::get).toList();
    }

    /** The live Deployment as a manifest with a new image, as a user's file would be. */
    private Path manifest(KubernetesClient own, int i) throws Exception {
        Deployment live = stable(own);
        Deployment file = new DeploymentBuilder().withNewMetadata().withName(APP).withNamespace(NS)
                .withLabels(live.getMetadata().getLabels()).endMetadata().withSpec(live.getSpec()).build();
        file.getSpec().getTemplate().getSpec().getContainers().get(0)
                .setImage("registry.example.com/shop/frontend:3." + i + "-manifest");
        return Files.writeString(dir.resolve("manifest-" + i + ".yaml"), Serialization.asYaml(file));
    }
}
