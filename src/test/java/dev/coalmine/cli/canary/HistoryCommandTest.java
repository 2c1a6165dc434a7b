package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import dev.coalmine.kube.release.MockCluster;
import dev.coalmine.kube.release.ReleaseNames;
import dev.coalmine.kube.release.ReleaseStateCodec;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coalmine canary history} says which plans were moved out of the history and how many releases it lost. */
class HistoryCommandTest {
    private static final Instant T = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(CliRunner.tokenKubeconfig(dir, cluster.server.url("/")));
        ReleasePlan plan = new ReleasePlan("shop", "web", List.of(), "kind: Deployment\n", CanarySize.count(1), false,
                JudgeSpec.manual(), null);
        ReleaseState finished = new ReleaseState(3, plan, 1, new ReleasePhase.Succeeded(), T, Decision.promote("ana", T),
                List.of(), T, T, "{}");
        ReleaseState current = ReleaseState.start(4, plan, 1, "{}", List.of(), T);
        ReleaseHistory history = new ReleaseHistory(List.of(finished, current), 2)
                .withTrimmed(3, new TrimmedBody("coalmine-release-web-3-plan", List.of("web=shop/web:3")));
        cluster.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(ReleaseNames.stateConfigMap("web")).withNamespace("shop")
                .addToLabels(ReleaseNames.STATE_OF, "web").endMetadata()
                .withData(Map.of("releases.json", new ReleaseStateCodec().write(history))).build()).create();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void theTextSaysWhereATrimmedPlanWentAndHowManyReleasesWereNotKept() {
        assertThat(cli.run("canary", "history", "web", "-n", "shop")).as(cli::err).isZero();

        assertThat(cli.out()).contains("2 older release(s) not kept");
        String releaseThree = cli.out().lines().filter(l -> l.startsWith("3 ")).findFirst().orElseThrow();
        assertThat(releaseThree).contains("Succeeded", "promote by ana", "manifest web=shop/web:3",
                "[plan moved to ConfigMap coalmine-release-web-3-plan]");
        String releaseFour = cli.out().lines().filter(l -> l.startsWith("4 ")).findFirst().orElseThrow();
        assertThat(releaseFour).doesNotContain("plan moved");
    }

    @Test
    void theTextIsAlignedInColumnsWithTheAgeOfEachRelease() {
        assertThat(cli.run("canary", "history", "web", "-n", "shop")).as(cli::err).isZero();

        List<String> table = cli.out().lines().dropWhile(l -> !l.startsWith("RELEASE")).toList();
        assertThat(table).hasSize(3);
        String header = table.get(0);
        assertThat(header).containsSubsequence("RELEASE", "PHASE", "AGE", "STARTED", "FINISHED", "DECISION", "CHANGE");
        for (String row : table.subList(1, 3)) {
            assertThat(row.substring(header.indexOf("AGE"), header.indexOf("STARTED")).strip()).isEqualTo("3h");
            assertThat(row.charAt(header.indexOf("PHASE") - 1)).isEqualTo(' ');
            assertThat(row.charAt(header.indexOf("CHANGE"))).isNotEqualTo(' ');
        }
        assertThat(table.get(1).substring(header.indexOf("DECISION"))).startsWith("promote by ana ");
        assertThat(table.get(2).substring(header.indexOf("DECISION"))).startsWith("- ");
    }

    @Test
    void theJsonNamesTheConfigMapThatKeepsATrimmedPlan() {
        assertThat(cli.run("canary", "history", "web", "-n", "shop", "-o", "json")).as(cli::err).isZero();

        assertThat(cli.out()).contains("\"planTrimmed\"", "\"keptIn\" : \"coalmine-release-web-3-plan\"",
                "\"web=shop/web:3\"");
    }
}
