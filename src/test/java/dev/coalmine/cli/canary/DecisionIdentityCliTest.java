package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who decided is the user the API server authenticated, not the kubeconfig's name for the credentials ("ana"). */
class DecisionIdentityCliTest {
    private static final String WORKSTATION_USER = System.getProperty("user.name", "someone");


    @RegisterExtension
    final CliOnMockCluster fixture = new CliOnMockCluster(10);
    private final MockCluster cluster = fixture.cluster();
    private final CliRunner cli = fixture.cli();

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
