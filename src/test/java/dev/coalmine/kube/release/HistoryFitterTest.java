package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order in which a history is made to fit: bodies move out first; compact records go last, counted. */
class HistoryFitterTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final int LIMIT = 20_000;

    private final MockCluster cluster = new MockCluster();
    private final ReleaseStateCodec codec = new ReleaseStateCodec();
    private final ReleaseStore store = new ReleaseStore(cluster.client, codec, LIMIT);

    @AfterEach
    void close() {
        cluster.close();
    }

    /** A finished manifest release with a body of {@code bodyChars} and {@code logLines} step-log lines. */
    private static ReleaseState finished(int number, int bodyChars, int logLines) {
        ReleasePlan plan = new ReleasePlan("shop", "web", List.of(), "# " + "m".repeat(bodyChars) + "\n",
                CanarySize.count(1), false, JudgeSpec.manual(), null);
        ReleaseState state = ReleaseState.start(number, plan, 1, "{}", List.of(), T)
                .withDecision(Decision.reject("user-" + number, T));
        for (int i = 0; i < logLines; i++) {
            state = state.withLog(T, state.log().get(0).stage(), "step " + i + " of release " + number);
        }
        return new ReleaseState(number, state.plan(), 1, new ReleasePhase.Rejected(), T, state.decision(), state.log(),
                T, T, "{}");
    }

    private ReleaseHistory begin(ReleaseState release) {
        return store.update("shop", "web", h -> h.begin(release));
    }

    private ConfigMap configMap(String name) {
        return cluster.client.configMaps().inNamespace("shop").withName(name).get();
    }

    private boolean exists(String name) {
        return configMap(name) != null;
    }

    @Test
    void bodiesMoveOutOldestFirstAndOnlyAsFarAsNeeded() {
        begin(finished(1, 8_000, 0));
        begin(finished(2, 8_000, 0));
        ReleaseHistory saved = begin(finished(3, 8_000, 0));

        assertThat(saved.releases()).extracting(r -> r.trimmedIfAny().isPresent()).containsExactly(true, false, false);
        assertThat(exists("coalmine-release-web-1-plan")).isTrue();
        assertThat(exists("coalmine-release-web-2-plan")).isFalse();
        assertThat(store.load("shop", "web")).isEqualTo(saved);
    }

    @Test
    void whenEvenTheCompactRecordsAreTooLongTheOldestAreDroppedCountedAndTheirBodiesDeleted() {
        begin(finished(1, 15_000, 100));
        begin(finished(2, 15_000, 100));
        ReleaseHistory saved = begin(finished(3, 2_000, 100));

        assertThat(saved.releases()).extracting(ReleaseState::number).doesNotContain(1).contains(3);
        assertThat(saved.notKept()).isEqualTo(3 - saved.releases().size());
        assertThat(exists("coalmine-release-web-1-plan")).as("the dropped release's body goes too").isFalse();
        String json = configMap("coalmine-release-web").getData().get(ReleaseStore.KEY);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void aConfigMapOfThePlanNameThatIsNotCoalminesIsNeverAdopted() {
        cluster.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("coalmine-release-web-1-plan").withNamespace("shop").endMetadata()
                .withData(Map.of("mine", "yes")).build()).create();
        begin(finished(1, 15_000, 0));

        assertThatThrownBy(() -> begin(finished(2, 15_000, 0))).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("coalmine-release-web-1-plan").hasMessageContaining("not Coalmine's");
        assertThat(configMap("coalmine-release-web-1-plan").getData()).containsOnlyKeys("mine");
        assertThat(store.load("shop", "web").releases()).extracting(ReleaseState::number).containsExactly(1);
    }
}
