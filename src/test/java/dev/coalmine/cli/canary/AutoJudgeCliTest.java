package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.cli.Cli;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() {
        kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        new TrafficKnobs(cluster.client()).setRequestsPerSecond(600);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Cli cli = new Cli(target -> { });
        cli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void aFaultyCanaryExitsThreeAndStatusShowsTheVerdict() throws IOException {
        int code = run("canary", "start", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:2.0-faulty",
                "--count", "1", "--judge", "auto", "--analysis-interval", "3s", "--max-failed-checks", "2",
                "--metrics-preset", "demo");

        assertThat(code).as(err::toString).isEqualTo(3);
        assertThat(err.toString()).containsPattern("\\[Analysis] analysis check \\d+ failed")
                .contains("Rejected by automatic judge", "canary success rate");

        assertThat(run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(out.toString());
        assertThat(status.get("phase").asText()).isEqualTo("Rejected");
        assertThat(status.at("/verdict/outcome").asText()).isEqualTo("fail");
        int check = status.at("/verdict/check").asInt();
        assertThat(check).isGreaterThanOrEqualTo(2);
        assertThat(status.at("/verdict/reasons")).anyMatch(r -> r.asText().startsWith("canary success rate"));
        assertThat(status.at("/decision/who").asText()).isEqualTo("automatic judge");

        assertThat(run("canary", "status", "shop-frontend")).isZero();
        assertThat(out.toString()).contains("verdict:  check " + check, ": fail", "  - canary success rate");
    }

    @Test
    void anInterruptedAutomaticReleaseIsResumedToItsEnd() {
        assertThat(run("canary", "start", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:2.0",
                "--count", "1", "--judge", "auto", "--analysis-interval", "3s", "--no-wait")).as(err::toString).isZero();
        assertThat(out.toString()).contains("release 1 of shop-frontend started: CanaryDeploying");

        assertThat(run("canary", "resume", "shop-frontend")).as(err::toString).isZero();
        assertThat(out.toString()).startsWith("release 1 of shop-frontend: Succeeded (last verdict: pass (score 100)");
        assertThat(err.toString()).contains("[Apply] promoted by automatic judge (3 passing checks in a row");
    }

    @Test
    void judgeOptionsAreCheckedBeforeConnecting() {
        assertThat(run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--prometheus",
                "http://127.0.0.1:9090")).isEqualTo(2);
        assertThat(err.toString()).contains("configure the automatic judge: add --judge auto");

        assertThat(run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--prometheus", "http://ana:secret@127.0.0.1:9090")).isEqualTo(2);
        assertThat(err.toString()).contains("must not contain credentials").doesNotContain("secret");

        assertThat(run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--metrics-preset", "envoy")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown metrics preset 'envoy'");

        assertThat(run("canary", "start", "shop-frontend", "--image", "x:2", "--count", "1", "--judge", "auto",
                "--query", "errors")).isEqualTo(2);
        assertThat(err.toString()).contains("NAME=PROMQL");
    }
}
