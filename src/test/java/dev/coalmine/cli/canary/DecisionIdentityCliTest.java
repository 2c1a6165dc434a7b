package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who decided is the user the API server authenticated, not the kubeconfig's name for the credentials ("ana"). */
class DecisionIdentityCliTest {
    private static final String WORKSTATION_USER = System.getProperty("user.name", "someone");

    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(CliRunner.tokenKubeconfig(dir, cluster.server.url("/")));
        cluster.createStable("shop", "web", 10, "shop/web:1");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private String promotedBy() {
        assertThat(cli.run("canary", "start", "web", "--image", "web=shop/web:2", "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertThat(cli.run("canary", "promote", "web")).as(cli::err).isZero();
        assertThat(cli.run("canary", "status", "web", "-o", "json")).as(cli::err).isZero();
        return cli.out();
    }

    @Test
    void promoteRecordsTheIdentityTheServerReports() {
        cluster.authenticateAs("oidc:ana@example.com");
        assertThat(promotedBy()).contains("\"who\" : \"" + WORKSTATION_USER + " (oidc:ana@example.com, cli)\"");
    }

    @Test
    void withoutSelfSubjectReviewsTheKubeconfigUserIsRecorded() {
        // MockCluster does not serve SelfSubjectReviews unless told to
        assertThat(promotedBy()).contains("\"who\" : \"" + WORKSTATION_USER + " (ana, cli)\"");
    }
}
