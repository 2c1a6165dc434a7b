package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.cli.Cli;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Eventually;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Journey 4: a decision made through the CLI appears in an open console, which follows it to the end. */
class CliDecisionJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void aRejectFromTheCliShowsUpInTheConsole(FxRobot robot) throws Exception {
        ReleaseService pipeline = new ReleaseService(console.client(), ReleaseSettings.defaults("pipeline (cli)"));
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withName("shop-api").get().getStatus().getAvailableReplicas()).isEqualTo(2));
        pipeline.start(ReleasePlan.ofImages("default", "shop-api", List.of(ImageChange.parse("registry.example.com/shop/api:2.8.0")),
                CanarySize.count(1), true), false);

        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("shop-api").tryQuery()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("shop-api");
        Journeys.awaitHeadline(robot, "waiting for your decision", LONG);
        Eventually.assertThat(() -> assertThat(robot.lookup("#reject").queryButton().isDisabled()).isFalse());

        StringWriter err = new StringWriter();
        Cli cli = App.cli(t -> { });
        cli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.run("--kubeconfig", console.kubeconfig().toString(), "-n", "default",
                "canary", "reject", "shop-api", "--no-wait");
        assertThat(code).as(err.toString()).isZero();

        Journeys.awaitHeadline(robot, "reject", LONG);
        Eventually.assertThat(() -> assertThat(robot.lookup("#promote").queryButton().isDisabled()).isTrue());
        Journeys.awaitHeadline(robot, "Rejected", LONG);
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withLabel("app.kubernetes.io/managed-by", "coalmine").list().getItems()).isEmpty());
        assertThat(console.client().apps().deployments().inNamespace("default").withName("shop-api").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/api:2.7.1");
    }
}
