package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.cli.Cli;
import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private StringWriter out;
    private StringWriter err;
    private Path kubeconfig;

    @BeforeEach
    void setUp() throws IOException {
        String url = cluster.server.url("/");
        kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                current-context: demo
                clusters:
                - name: demo
                  cluster: {server: "%s"}
                contexts:
                - name: demo
                  context: {cluster: demo, user: ana, namespace: shop}
                users:
                - name: ana
                  user: {token: t0k3n}
                """.formatted(url.substring(0, url.length() - 1)));
        cluster.createStable("shop", "web", 10, "shop/web:1");
    }

    @AfterEach
    void tearDown() {
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
    void startStatusPromoteHistory() throws IOException {
        assertThat(run("canary", "start", "web", "--image", "web=shop/web:2", "--percent", "15", "--skip-dry-run"))
                .as(err::toString).isZero();
        assertThat(out.toString()).contains("release 1 of web: AwaitingJudgment");
        assertThat(err.toString()).contains("[Prepare] release 1 of shop/web: canary 2 pod(s)",
                "[Apply] creating web-canary with 2 replica(s): web=shop/web:2", "[Wait for steady state] canary is ready");

        assertThat(run("canary", "start", "web", "--image", "shop/web:3", "--count", "1")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: refused: release 1 is in phase AwaitingJudgment");

        assertThat(run("canary", "status", "web", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(out.toString());
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

        assertThat(run("canary", "status", "web")).isZero();
        assertThat(out.toString()).contains("release 1, phase AwaitingJudgment", "canary    2         2      shop/web:2");

        assertThat(run("canary", "promote", "web")).as(err::toString).isZero();
        assertThat(out.toString()).contains("release 1 of web: Succeeded");
        assertThat(err.toString()).contains("promote recorded by", "[Wrap-up] deleting web-canary");

        assertThat(run("canary", "promote", "web")).as("promote again finishes idempotently").isZero();
        assertThat(run("canary", "reject", "web")).isEqualTo(1);
        assertThat(err.toString()).contains("already decided by");

        assertThat(run("canary", "history", "web")).isZero();
        assertThat(out.toString()).contains("RELEASE", "Succeeded", "promote by", "web=shop/web:2");
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:2");
    }

    @Test
    void aBadImageFailsWithExitOneAndTheReason() {
        assertThat(run("canary", "start", "web", "--image", "shop/does-not-exist:1", "--count", "1",
                "--skip-dry-run")).isEqualTo(1);
        assertThat(err.toString()).contains("error: release 1 of web failed: canary: ProgressDeadlineExceeded");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void statusWatchFollowsUntilTheReleaseEnds() throws Exception {
        assertThat(run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run",
                "--no-wait")).isZero();
        assertThat(out.toString()).contains("release 1 of web started: CanaryDeploying");
        StringWriter watchOut = new StringWriter();
        Cli watcher = new Cli(target -> { });
        watcher.commandLine().setOut(new PrintWriter(watchOut, true)).setErr(new PrintWriter(new StringWriter(), true));
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> watching = thread.submit(() -> watcher.run("--kubeconfig",
                    kubeconfig.toString(), "canary", "status", "web", "--watch", "-o", "json", "--interval", "100ms"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (watchOut.toString().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(watchOut.toString()).contains("\"phase\":\"CanaryDeploying\"");
            assertThat(run("canary", "reject", "web")).isZero();
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
        assertThat(run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--no-baseline",
                "--skip-dry-run")).isZero();
        assertThat(run("canary", "reject", "web")).isZero();
        assertThat(out.toString()).contains("Rejected");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void planPrintsYamlAndCountsAndChangesNothing() {
        assertThat(run("canary", "plan", "web", "--image", "shop/web:2", "--percent", "12.5")).isZero();
        assertThat(out.toString()).contains("# canary replicas: 1 (12.5% of stable)", "# baseline replicas: 1",
                "name: \"web-canary\"", "coalmine.dev/track: \"canary\"", "name: \"web-baseline\"", "image: \"shop/web:2\"");
        assertThat(out.toString()).doesNotContain("name: \"web\"\n  namespace");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("canary", "start", "web", "--image", "x:1", "--percent", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("above 0 and at most 100");
        assertThat(run("canary", "start", "web", "--image", "x:1", "--percent", "150")).isEqualTo(2);
        assertThat(run("canary", "start", "web", "--image", "x:1")).isEqualTo(2);
        assertThat(run("canary", "start", "web", "--image", "x:1", "--count", "1", "--percent", "5")).isEqualTo(2);
        assertThat(run("canary", "status", "web", "-o", "xml")).isEqualTo(2);
        assertThat(run("canary", "start", "web", "--image", "x:1", "--count", "1", "--timeout", "soon")).isEqualTo(2);
    }

    @Test
    void unknownDeploymentIsOneClearLine() {
        assertThat(run("canary", "start", "nope", "--image", "x:1", "--count", "1")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Deployment nope not found in namespace shop; check the name and -n NAMESPACE");
    }
}
