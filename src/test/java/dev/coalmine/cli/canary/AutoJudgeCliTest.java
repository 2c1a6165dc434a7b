package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coalmine canary start --judge auto} against the simulated demo cluster, its metrics read directly. */
class AutoJudgeCliTest {
    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private Path kubeconfig;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        cli = new CliRunner(kubeconfig);
        new TrafficKnobs(cluster.client()).setRequestsPerSecond(600);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }


    @Test
    void aFaultyCanaryExitsThreeAndStatusShowsTheVerdict() throws IOException {
        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:2.0-faulty",
                "--count", "1", "--judge", "auto", "--analysis-interval", "3s", "--max-failed-checks", "2",
                "--metrics-preset", "demo");

        assertThat(code).as(cli::err).isEqualTo(3);
        assertThat(cli.err()).containsPattern("\\[Analysis] analysis check \\d+ failed").contains("canary success rate");
        assertThat(cli.out()).as("a result, like Succeeded").startsWith("release 1 of shop-frontend: Rejected by automatic judge");

        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.get("phase").asText()).isEqualTo("Rejected");
        assertThat(status.at("/verdict/outcome").asText()).isEqualTo("fail");
        int check = status.at("/verdict/check").asInt();
        assertThat(check).isGreaterThanOrEqualTo(2);
        assertThat(status.at("/verdict/reasons")).anyMatch(r -> r.asText().startsWith("canary success rate"));
        assertThat(status.at("/decision/who").asText()).isEqualTo("automatic judge");

        assertThat(cli.run("canary", "status", "shop-frontend")).isZero();
        assertThat(cli.out()).contains("verdict:  check " + check + " failed on ", "  - canary success rate");
    }

    @Test
    void anInterruptedAutomaticReleaseIsResumedToItsEnd() {
        assertThat(cli.run("canary", "start", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:2.0",
                "--count", "1", "--judge", "auto", "--analysis-interval", "3s", "--no-wait")).as(cli::err).isZero();
        assertThat(cli.out()).contains("release 1 of shop-frontend started: CanaryDeploying");

        assertThat(cli.run("canary", "resume", "shop-frontend")).as(cli::err).isZero();
        assertThat(cli.out()).startsWith("release 1 of shop-frontend: Succeeded (last verdict: check ").contains(" passed: all ");
        assertThat(cli.err()).contains("[Apply] promoted by automatic judge (3 passing checks in a row");
    }

    @Test
    void judgeOptionsAreCheckedBeforeConnecting() {
        assertThat(cli.run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--prometheus",
                "http://127.0.0.1:9090")).isEqualTo(2);
        assertThat(cli.err()).contains("configure the automatic judge: add --judge auto");

        assertThat(cli.run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--prometheus", "http://ana:secret@127.0.0.1:9090")).isEqualTo(2);
        assertThat(cli.err()).contains("must not contain credentials").doesNotContain("secret");

        assertThat(cli.run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--metrics-preset", "envoy")).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown metrics preset 'envoy'");

        assertThat(cli.run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--query", "errors")).isEqualTo(2);
        assertThat(cli.err()).contains("NAME=PROMQL");
    }
}
