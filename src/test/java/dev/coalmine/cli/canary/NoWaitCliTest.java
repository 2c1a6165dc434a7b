package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.release.MockCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code --no-wait} records, {@code resume} carries out. */
class NoWaitCliTest {
    @RegisterExtension
    final CliOnMockCluster fixture = new CliOnMockCluster(4);
    private final MockCluster cluster = fixture.cluster();
    private final CliRunner cli = fixture.cli();

    @Test
    void resumeCarriesAReleaseStartedWithNoWaitToJudgment() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run",
                "--no-wait")).as(cli::err).isZero();
        assertThat(cli.out()).contains("carry it on with: coalmine canary resume web --kubeconfig ");
        assertThat(cli.run("canary", "resume", "web", "-n", "shop")).as(cli::err).isZero();
        assertThat(cli.out()).contains("release 1 of web: AwaitingJudgment; decide with: coalmine canary promote web "
                + "--kubeconfig ").contains(" -n shop  or  coalmine canary reject web --kubeconfig ");
        assertThat(cluster.deployment("shop", "web-canary").getStatus().getReadyReplicas()).isEqualTo(1);
    }

    @Test
    void resumeCarriesOutADecisionRecordedWithNoWait() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();
        assertThat(cli.run("canary", "promote", "web", "--no-wait")).as(cli::err).isZero();
        assertThat(cli.out()).contains("promote");

        assertThat(cli.run("canary", "resume", "web")).as(cli::err).isZero();
        assertThat(cli.out()).contains("release 1 of web: Succeeded");
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:2");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void resumeCarriesOutADecisionRecordedWithNoWaitUnderTheAutomaticJudge() {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run",
                "--judge", "auto", "--metrics-source", "none", "--no-wait")).as(cli::err).isZero();
        assertThat(cli.err()).as("said before it starts").startsWith("judge: --metrics-source none: the automatic judge "
                + "checks pod health only");
        assertThat(cli.run("canary", "reject", "web", "--no-wait")).as(cli::err).isZero();

        assertThat(cli.run("canary", "resume", "web")).as(cli::err).isEqualTo(AutomaticOutcome.REJECTED);
        assertThat(cli.out()).contains("release 1 of web: Rejected");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }
}
