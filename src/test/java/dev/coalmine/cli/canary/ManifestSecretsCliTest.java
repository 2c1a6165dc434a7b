package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.cli.Cli;
import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code coalmine canary status/history} read back from the cluster never shows a manifest's Secret values. */
class ManifestSecretsCliTest {
    private static final String VALUE = "db-pa55-Lk83v";

    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();
    private Path kubeconfig;
    private StringWriter out;
    private StringWriter err;

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
        cluster.createStable("shop", "web", 2, "shop/web:1");
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

    private void assertNoValue(String text) {
        assertThat(text).doesNotContain(VALUE)
                .doesNotContain(Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void statusAndHistoryNeverShowTheSecretValues() throws IOException {
        Path manifest = Files.writeString(dir.resolve("web.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: web-db}
                stringData: {DB_PASSWORD: %s}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - {name: web, image: shop/web:2, envFrom: [{secretRef: {name: web-db}}]}
                """.formatted(VALUE));
        assertThat(run("canary", "start", "web", "-f", manifest.toString(), "--count", "1", "--skip-dry-run"))
                .as(err::toString).isZero();
        assertNoValue(out.toString() + err.toString());
        for (String[] command : List.of(new String[] {"canary", "status", "web", "-o", "json"},
                new String[] {"canary", "status", "web"}, new String[] {"canary", "history", "web", "-o", "json"},
                new String[] {"canary", "history", "web"})) {
            assertThat(run(command)).as(err::toString).isZero();
            assertThat(out.toString()).containsIgnoringCase("release");
            assertNoValue(out.toString());
        }
        assertThat(run("canary", "promote", "web")).as(err::toString).isZero();
        assertThat(run("canary", "history", "web", "-o", "json")).isZero();
        assertThat(out.toString()).contains("Succeeded");
        assertNoValue(out.toString());
    }
}
