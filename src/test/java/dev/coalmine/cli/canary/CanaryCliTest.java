package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.cli.Cli;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.release.MockCluster;
import dev.coalmine.kube.release.ReleaseStateCodec;
import dev.coalmine.kube.release.ReleaseStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coalmine canary …} end to end: real kubeconfig, real HTTP to the mock API server. */
class CanaryCliTest {
    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();
    private Path kubeconfig;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        kubeconfig = CliRunner.tokenKubeconfig(dir, cluster.server.url("/"));
        cli = new CliRunner(kubeconfig);
        cluster.createStable("shop", "web", 10, "shop/web:1");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }


    @Test
    void promoteRepeatsThatAHelmReleasesChartNeedsTheNewImage() {
        cluster.client.apps().deployments().inNamespace("shop").withName("web").edit(d -> {
            d.getMetadata().setAnnotations(java.util.Map.of("meta.helm.sh/release-name", "shop-web"));
            return d;
        });
        assertThat(cli.run("canary", "start", "web", "--image", "web=shop/web:2", "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();

        assertThat(cli.run("canary", "promote", "web")).as(cli::err).isZero();

        assertThat(cli.err()).contains("note: stable belongs to Helm release shop-web: promotion changes the live "
                + "Deployment only; set the new image in the chart's values, or the next helm upgrade puts the old one "
                + "back");
    }

    @Test
    void startStatusPromoteHistory() throws IOException {
        assertThat(cli.run("canary", "start", "web", "--image", "web=shop/web:2", "--percent", "15", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertThat(cli.out()).contains("release 1 of web: AwaitingJudgment");
        assertThat(cli.err()).contains("[Prepare] release 1 of shop/web: canary 2 pod(s)",
                "[Apply] creating web-canary with 2 replica(s): web=shop/web:2", "[Wait for steady state] canary is ready");

        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:3", "--count", "1")).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: refused: release 1 is in phase AwaitingJudgment");

        assertThat(cli.run("canary", "status", "web", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.get("namespace").asText()).isEqualTo("shop");
        assertThat(status.get("deployment").asText()).isEqualTo("web");
        assertThat(status.get("release").asInt()).isEqualTo(1);
        assertThat(status.get("phase").asText()).isEqualTo("AwaitingJudgment");
        assertThat(status.get("canary").get("replicas").asInt()).isEqualTo(2);
        assertThat(status.get("canary").get("readyReplicas").asInt()).isEqualTo(2);
        assertThat(status.get("canary").get("images").get(0).asText()).isEqualTo("shop/web:2");
        assertThat(status.get("baseline").get("images").get(0).asText()).isEqualTo("shop/web:1");
        assertThat(status.get("stable").get("replicas").asInt()).isEqualTo(10);
        assertThat(status.get("decision").isNull()).isTrue();
        assertThat(status.has("reason")).isTrue();

        assertThat(cli.run("canary", "status", "web")).isZero();
        assertThat(cli.out()).contains("release 1, phase AwaitingJudgment", "canary    2         2      shop/web:2");

        assertThat(cli.run("canary", "promote", "web")).as(cli::err).isZero();
        assertThat(cli.out()).contains("release 1 of web: Succeeded");
        assertThat(cli.err()).contains("promote recorded by", "[Wrap-up] deleting web-canary");

        assertThat(cli.run("canary", "promote", "web")).as("promote again finishes idempotently").isZero();
        assertThat(cli.run("canary", "reject", "web")).isEqualTo(1);
        assertThat(cli.err()).contains("already decided by");

        assertThat(cli.run("canary", "history", "web")).isZero();
        assertThat(cli.out()).contains("RELEASE", "Succeeded", "promote by", "web=shop/web:2");
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:2");
    }

    @Test
    void aBadImageFailsWithExitOneAndTheReason() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/does-not-exist:1", "--count", "1",
                "--skip-dry-run")).isEqualTo(1);
        assertThat(cli.err()).contains("error: release 1 of web failed: canary: ProgressDeadlineExceeded");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void statusWatchFollowsUntilTheReleaseEnds() throws Exception {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run",
                "--no-wait")).isZero();
        assertThat(cli.out()).contains("release 1 of web started: CanaryDeploying");
        StringWriter watchOut = new StringWriter();
        Cli watcher = new Cli(target -> { });
        watcher.commandLine().setOut(new PrintWriter(watchOut, true)).setErr(new PrintWriter(new StringWriter(), true));
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> watching = thread.submit(() -> watcher.run("--kubeconfig",
                    kubeconfig.toString(), "canary", "status", "web", "--watch", "-o", "json"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (watchOut.toString().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(watchOut.toString()).contains("\"phase\":\"CanaryDeploying\"");
            assertThat(cli.run("canary", "reject", "web")).isZero();
            assertThat(watching.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        } finally {
            thread.shutdownNow();
        }
        List<String> phases = watchOut.toString().lines()
                .map(l -> {
                    try {
                        return new ObjectMapper().readTree(l).get("phase").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).distinct().toList();
        assertThat(phases.get(phases.size() - 1)).isEqualTo("Rejected");
        assertThat(phases.size()).isGreaterThan(1);
    }

    @Test
    void rejectRemovesTheCanary() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--no-baseline",
                "--skip-dry-run")).isZero();
        assertThat(cli.run("canary", "reject", "web")).isZero();
        assertThat(cli.out()).contains("Rejected");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void planPrintsYamlAndCountsAndChangesNothing() throws IOException {
        assertThat(cli.run("canary", "plan", "web", "--image", "shop/web:2", "--percent", "12.5")).isZero();
        assertThat(cli.out()).contains("# canary replicas: 1 (12.5% of stable)", "# baseline replicas: 1",
                "name: \"web-canary\"", "coalmine.dev/track: \"canary\"", "name: \"web-baseline\"", "image: \"shop/web:2\"");
        assertThat(cli.out()).doesNotContain("name: \"web\"\n  namespace");
        assertThat(cli.out()).as("what the stable's shape means, before the objects")
                .contains("# stable sets no progressDeadlineSeconds: a stuck rollout is caught by the steady-state timeout "
                        + "(10m)\n---");
        assertThat(cli.run("canary", "plan", "web", "--image", "shop/web:2", "--percent", "12.5", "-o", "json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("notes")).extracting(JsonNode::asText)
                .containsExactly("stable sets no progressDeadlineSeconds: a stuck rollout is caught by the steady-state "
                        + "timeout (10m)");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void aTinyStableShowsTheCanarysRealShareOfRequestsAndWarns() throws IOException {
        cluster.createStable("shop", "tiny", 1, "shop/tiny:1");

        assertThat(cli.run("canary", "plan", "tiny", "--image", "shop/tiny:2", "--percent", "10")).isZero();
        assertThat(cli.out()).contains("# canary's share of requests: about 33 % of requests (1 canary pod(s) of 3: "
                + "1 stable, 1 baseline)", "# warning: asked for 10% of stable, but with 1 stable replica(s)");
        assertThat(cli.err()).contains("warning: asked for 10% of stable");
        assertThat(cli.run("canary", "plan", "web", "--image", "shop/web:2", "--percent", "25")).isZero();
        assertThat(cli.out()).contains("# canary's share of requests: about 19 % of requests (3 canary pod(s) of 16").doesNotContain("warning");

        assertThat(cli.run("canary", "start", "tiny", "--image", "shop/tiny:2", "--count", "5", "--skip-dry-run"))
                .as("a canary bigger than stable is refused").isEqualTo(2);
        assertThat(cli.err()).isEqualToNormalizingNewlines("error: a canary of 5 pods is more than the stable's 1 "
                + "replica(s): pass --count 1 or less, or scale stable up first\n");
        assertThat(cluster.deployment("shop", "tiny-canary")).isNull();
        assertThat(cli.run("canary", "start", "tiny", "--image", "shop/tiny:2", "--percent", "10", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertThat(cli.err()).contains("[Prepare] warning: asked for 10% of stable, but with 1 stable replica(s) the "
                + "canary gets about 33 % of requests");
        assertThat(cli.run("canary", "status", "tiny")).isZero();
        assertThat(cli.out()).contains("requests: the canary gets about 33 % of requests (1 canary pod(s) of 3: "
                + "1 stable, 1 baseline)", "warning:  asked for 10% of stable");
        assertThat(cli.run("canary", "status", "tiny", "-o", "json")).isZero();
        JsonNode share = new ObjectMapper().readTree(cli.out()).get("requestShare");
        assertThat(share.get("canaryPercent").asDouble()).isCloseTo(33.3, within(0.1));
        assertThat(share.get("servingPods").asInt()).isEqualTo(3);
        assertThat(share.get("warning").asText()).startsWith("asked for 10% of stable");
    }

    @Test
    void theAnalysisIntervalIsStoredAsTyped() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--no-baseline",
                "--skip-dry-run", "--judge", "auto", "--metrics-source", "none", "--analysis-interval", "1m30s",
                "--no-wait")).as(cli::err).isZero();

        ReleasePlan stored = new ReleaseStore(cluster.client, new ReleaseStateCodec()).load("shop", "web").current()
                .orElseThrow().plan();
        assertThat(stored.judge().settings().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(cli.run("canary", "start", "web", "--image", "x:1", "--count", "1", "--judge", "auto",
                "--analysis-interval", "5x")).isEqualTo(2);
        assertThat(cli.err()).contains("'5x' is not a duration: use forms like 90s, 1m30s or 2h");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli.run("canary", "start", "web", "--image", "x:1", "--percent", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("canary percent must be above 0 and at most 100, got 0: pass --percent between 0 "
                + "(exclusive) and 100");
        assertThat(cli.run("canary", "start", "web", "--image", "x:1", "--percent", "150")).isEqualTo(2);
        assertThat(cli.run("canary", "start", "web", "--image", "x:1")).isEqualTo(2);
        assertThat(cli.run("canary", "start", "web", "--image", "x:1", "--count", "1", "--percent", "5")).isEqualTo(2);
        assertThat(cli.run("canary", "status", "web", "-o", "xml")).isEqualTo(2);
        assertThat(cli.run("canary", "start", "web", "--image", "x:1", "--count", "1", "--timeout", "soon")).isEqualTo(2);
    }

    @Test
    void unknownDeploymentIsOneClearLine() {
        assertThat(cli.run("canary", "start", "nope", "--image", "x:1", "--count", "1")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo(
                "error: Deployment nope not found in namespace shop; check the name and -n NAMESPACE");
    }
}
