package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A finished release whose plan body moved to its {@code …-plan} ConfigMap still shows its manifest, read back. */
class MovedPlanBodyTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private final MockCluster cluster = new MockCluster();
    private final ReleaseStore store = new ReleaseStore(cluster.client, new ReleaseStateCodec(), 20_000);
    private final ReleaseService service = new ReleaseService(cluster.client, ReleaseSettings.defaults("console"));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void theManifestOfATrimmedReleaseIsReadBackFromItsPlanConfigMap() {
        store.update("shop", "web", h -> h.begin(finished(1)));
        store.update("shop", "web", h -> h.begin(finished(2)));
        ReleaseHistory saved = store.update("shop", "web", h -> h.begin(finished(3)));
        ReleaseState first = saved.releases().get(0);
        assertThat(first.trimmedIfAny()).as("the first body moved out").isPresent();
        assertThat(first.plan().manifestYaml()).isEqualTo("# plan moved to ConfigMap coalmine-release-web-1-plan");

        assertThat(service.movedPlanBody(first)).contains(manifest(1));
        assertThat(service.movedPlanBody(saved.releases().get(2))).as("a body still in the history did not move")
                .isEmpty();

        cluster.client.configMaps().inNamespace("shop").withName("coalmine-release-web-1-plan").delete();
        assertThat(service.movedPlanBody(first)).as("gone").isEmpty();
    }

    private static String manifest(int number) {
        return "# release " + number + "\n# " + "m".repeat(8_000) + "\n";
    }

    private static ReleaseState finished(int number) {
        ReleasePlan plan = new ReleasePlan("shop", "web", List.of(), manifest(number), CanarySize.count(1), false,
                JudgeSpec.manual(), null);
        ReleaseState state = ReleaseState.start(number, plan, 1, "{}", List.of(), T)
                .withDecision(Decision.reject("user-" + number, T));
        return new ReleaseState(number, state.plan(), 1, new ReleasePhase.Rejected(), T, state.decision(), state.log(),
                T, T, "{}");
    }
}
