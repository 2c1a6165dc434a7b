package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DryRunAndCodecTest {
    private final MockCluster cluster = new MockCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aDryRunRefusalStopsTheReleaseBeforeAnyChange() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        cluster.server.expect().post().withPath("/apis/apps/v1/namespaces/shop/deployments?dryRun=All")
                .andReturn(422, new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
                        .withMessage("admission webhook \"policy.example\" denied the request: image not signed")
                        .build()).always();
        ReleaseService service = new ReleaseService(cluster.client, ReleaseSettings.defaults("t"));
        ReleasePlan plan = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("shop/web:2")),
                CanarySize.count(1), true);
        assertThatThrownBy(() -> service.start(plan, false)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("the server-side dry run refused Deployment web-canary")
                .hasMessageContaining("image not signed").hasMessageContaining("nothing was changed");
        assertThat(service.history("shop", "web")).isEmpty();
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }

    @Test
    void everyPhaseSurvivesTheJsonRoundTrip() {
        ReleaseStateCodec codec = new ReleaseStateCodec();
        Instant t = Instant.parse("2026-03-04T05:06:07.123456Z");
        ReleasePlan plan = new ReleasePlan("shop", "web", List.of(new ImageChange("web", "web:2"),
                new ImageChange(null, "side:3")), null, CanarySize.percent(12.5), true,
                JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.PrometheusUrl("http://prometheus:9090"))
                        .withCustomQueries(Map.of("errors", "sum(errors{track=\"{{track}}\"})"))), Duration.ofSeconds(90));
        List<ReleasePhase> phases = List.of(new ReleasePhase.CanaryDeploying(), new ReleasePhase.AwaitingJudgment(),
                new ReleasePhase.Analysing(), new ReleasePhase.Promoting(), new ReleasePhase.Finalising(),
                new ReleasePhase.Succeeded(), new ReleasePhase.Rejecting(), new ReleasePhase.Rejected(),
                new ReleasePhase.Failing("bad", true), new ReleasePhase.Failed("bad"));
        for (ReleasePhase phase : phases) {
            ReleaseState state = new ReleaseState(3, plan, 2, phase, t, Decision.promote("ana", t),
                    List.of(), t, null, "{\"x\":1}").withPrepareLines(t, List.of("one", "two"));
            ReleaseHistory history = new ReleaseHistory(List.of(state));
            assertThat(codec.read(codec.write(history), "test")).isEqualTo(history);
        }
        ReleasePlan counted = ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("x:1")),
                CanarySize.count(4), false);
        ReleaseHistory h = new ReleaseHistory(List.of(ReleaseState.start(1, counted, 4, "{}", List.of(), t)));
        assertThat(codec.read(codec.write(h), "test")).isEqualTo(h);
        assertThat(codec.write(h)).contains("\"name\":\"CanaryDeploying\"", "\"kind\":\"Count\"");
    }

    @Test
    void aHistoryTooBigForAConfigMapMovesOlderPlanBodiesOutAndKeepsEveryRecord() {
        ReleaseStore store = new ReleaseStore(cluster.client, new ReleaseStateCodec());
        String bigManifest = "# " + "x".repeat(250_000);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 4; i++) {
            ReleaseState r = ReleaseState.start(i, new ReleasePlan("shop", "web", List.of(), bigManifest,
                    CanarySize.count(1), false, JudgeSpec.manual(), null), 1, "{}", List.of(), t);
            ReleaseState done = new ReleaseState(r.number(), r.plan(), 1, new ReleasePhase.Rejected(), t, null,
                    r.log(), t, t, "{}");
            store.update("shop", "web", h -> h.begin(done));
        }
        ReleaseHistory kept = store.load("shop", "web");
        assertThat(kept.releases()).extracting(ReleaseState::number).containsExactly(1, 2, 3, 4);
        assertThat(kept.releases()).extracting(r -> r.trimmedIfAny().isPresent()).containsExactly(true, false, false, false);
        assertThat(kept.notKept()).isZero();
        assertThat(kept.nextNumber()).isEqualTo(5);
    }

    @Test
    void unreadableStateSaysWhereAndWhatToDo() {
        assertThatThrownBy(() -> new ReleaseStateCodec().read("{not json", "ConfigMap shop/coalmine-release-web"))
                .isInstanceOf(CoalmineException.class)
                .hasMessageContaining("ConfigMap shop/coalmine-release-web").hasMessageContaining("fix or delete");
    }
}
