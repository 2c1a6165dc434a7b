package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        kubeconfig = CliRunner.tokenKubeconfig(dir, cluster.server.url("/"));
        cli = new CliRunner(kubeconfig);
        cluster.createStable("shop", "web", 2, "shop/web:1");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
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
        assertThat(cli.run("canary", "start", "web", "-f", manifest.toString(), "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertNoValue(cli.out() + cli.err());
        for (String[] command : List.of(new String[] {"canary", "status", "web", "-o", "json"},
                new String[] {"canary", "status", "web"}, new String[] {"canary", "history", "web", "-o", "json"},
                new String[] {"canary", "history", "web"})) {
            assertThat(cli.run(command)).as(cli::err).isZero();
            assertThat(cli.out()).containsIgnoringCase("release");
            assertNoValue(cli.out());
        }
        assertThat(cli.run("canary", "promote", "web")).as(cli::err).isZero();
        assertThat(cli.run("canary", "history", "web", "-o", "json")).isZero();
        assertThat(cli.out()).contains("Succeeded");
        assertNoValue(cli.out());
    }

    @Test
    void planShowsTheSecretsKeysAndSizesButNeverTheirValues() throws IOException {
        cluster.client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("web-db")
                .endMetadata().addToStringData("DB_PASSWORD", "old-value").build()).create();
        Path manifest = Files.writeString(dir.resolve("web.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: web-db}
                data: {DB_PASSWORD: %s}
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
                """.formatted(Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8))));
        assertThat(cli.run("canary", "plan", "web", "-f", manifest.toString(), "--count", "1")).as(cli::err).isZero();
        assertNoValue(cli.out() + cli.err());
        assertThat(cli.out()).contains("name: \"web-db-1\"", "DB_PASSWORD: \"<redacted: 13 bytes>\"");
    }
}
