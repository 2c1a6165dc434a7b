package dev.coalmine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start the cluster's RBAC refuses, run as a user runs it (a JVM of its own through {@link App#main}, so with the
 * CLI's logging): one error line naming every missing permission, and none of the stack trace fabric8's informer logs
 * when its first list is refused.
 */
class ForbiddenCliTest {
    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults());

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aStartWithoutTheRightsSaysWhichInOneLineAndNoStackTrace() throws Exception {
        cluster.client().configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata().addToData("deny", "list pods default\ncreate deployments.apps default")
                .build()).create();
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        Path stderr = dir.resolve("stderr");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), App.class.getName(), "canary", "--kubeconfig", kubeconfig.toString(),
                "start", "shop-api", "--image", "api=registry.example.com/shop/api:2.8.0", "--count", "1")
                .redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout").toFile()).start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readString(stderr, StandardCharsets.UTF_8).lines().toList();

        assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        assertThat(lines).containsExactly("error: missing permission in namespace default: cannot create deployments.apps, "
                + "cannot list pods; ask a cluster admin for a Role that grants them (checked with SelfSubjectRulesReview)");
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("shop-api-canary").get())
                .isNull();
    }
}
