package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f} takes a manifest file as apps ship it: the named Deployment and its config; the rest is left alone. */
class RealManifestCliTest {
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 5
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config}
            data: {greeting: hi}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: api-config}
            data: {mode: fast}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - {name: api, image: shop/api:9, envFrom: [{configMapRef: {name: api-config}}]}
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
                  serviceAccountName: web
                  containers:
                  - name: web
                    image: shop/web:2
                    env: [{name: GREETING, valueFrom: {configMapKeyRef: {name: web-config, key: greeting}}}]
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final CliOnMockCluster fixture = new CliOnMockCluster(2);
    private final MockCluster cluster = fixture.cluster();
    private final CliRunner cli = fixture.cli();

    @Test
    void startTakesTheNamedDeploymentAndItsConfigAndSaysWhatItIgnores() throws IOException {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), MANIFEST);
        assertThat(cli.run("canary", "start", "web", "-f", manifest.toString(), "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertThat(cli.err()).contains(
                "ignoring ServiceAccount web from " + manifest + ": not part of the release\n",
                "ignoring Service web from " + manifest + ": not part of the release\n",
                "ignoring HorizontalPodAutoscaler web from ",
                "ignoring ConfigMap api-config (not used by web) from ",
                "ignoring Deployment api from ");
        assertThat(cli.err()).doesNotContain("ignoring ConfigMap web-config");
        assertThat(cli.out()).contains("release 1 of web: AwaitingJudgment");
        assertThat(cluster.deployment("shop", "web-canary").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).isEqualTo("shop/web:2");
        assertThat(cluster.deployment("shop", "api")).as("another Deployment is left alone").isNull();
        assertThat(cluster.client.configMaps().inNamespace("shop").withName("api-config").get()).isNull();
    }

    @Test
    void planReadsTheManifestFromStdin() {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(MANIFEST.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(cli.run("canary", "plan", "web", "-f", "-", "--count", "1")).as(cli::err).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(cli.err()).contains("ignoring Service web from stdin: not part of the release");
        assertThat(cli.out()).contains("name: \"web-canary\"", "name: \"web-config-1\"").doesNotContain("api-config");
    }

    @Test
    void aManifestWithoutTheNamedDeploymentIsAUsageError() throws IOException {
        Path manifest = Files.writeString(dir.resolve("app.yaml"), MANIFEST);
        assertThat(cli.run("canary", "start", "shop", "-f", manifest.toString(), "--count", "1")).isEqualTo(2);
        assertThat(cli.err()).contains("the manifest file holds no Deployment named shop (its Deployments: api, web)");
    }
}
