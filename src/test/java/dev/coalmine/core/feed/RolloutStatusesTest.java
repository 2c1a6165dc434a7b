package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.feed.RolloutStatus.State;
import org.junit.jupiter.api.Test;

/** Each branch of kubectl's deployment status viewer, in kubectl's order. */
@FastTest
class RolloutStatusesTest {
    @Test
    void aSpecChangeNotYetObservedWaitsWithoutNamingTheDeployment() {
        assertThat(RolloutStatuses.of(rollout(3, 2, 2, 2, 2, 2, null)))
                .isEqualTo(new RolloutStatus("web-canary", State.WAITING, "Waiting for deployment spec update to be observed..."));
    }

    @Test
    void countsNewReplicasBeingUpdated() {
        assertThat(RolloutStatuses.of(rollout(2, 2, 4, 1, 4, 1, "ReplicaSetUpdated")).text()).isEqualTo(
                "Waiting for deployment \"web-canary\" rollout to finish: 1 out of 4 new replicas have been updated...");
    }

    @Test
    void countsOldReplicasPendingTermination() {
        assertThat(RolloutStatuses.of(rollout(2, 2, 2, 2, 3, 2, null)).text()).isEqualTo(
                "Waiting for deployment \"web-canary\" rollout to finish: 1 old replicas are pending termination...");
    }

    @Test
    void countsAvailableUpdatedReplicas() {
        RolloutStatus status = RolloutStatuses.of(rollout(2, 2, 2, 2, 2, 1, null));
        assertThat(status.text()).isEqualTo(
                "Waiting for deployment \"web-canary\" rollout to finish: 1 of 2 updated replicas are available...");
        assertThat(status.state()).isEqualTo(State.WAITING);
    }

    @Test
    void reportsSuccessWhenAllUpdatedReplicasAreAvailable() {
        assertThat(RolloutStatuses.of(rollout(5, 5, 2, 2, 2, 2, "NewReplicaSetAvailable")))
                .isEqualTo(new RolloutStatus("web-canary", State.DONE, "deployment \"web-canary\" successfully rolled out"));
    }

    @Test
    void unsetSpecReplicasSkipsTheUpdatedCheck() {
        assertThat(RolloutStatuses.of(rollout(1, 1, null, 0, 0, 0, null)).state()).isEqualTo(State.DONE);
    }

    @Test
    void anExceededProgressDeadlineIsAnErrorBeforeAnyCount() {
        assertThat(RolloutStatuses.of(rollout(2, 2, 4, 1, 4, 1, "ProgressDeadlineExceeded")))
                .isEqualTo(new RolloutStatus("web-canary", State.FAILED,
                        "error: deployment \"web-canary\" exceeded its progress deadline"));
    }

    @Test
    void anUnobservedSpecWinsOverAnExceededDeadline() {
        assertThat(RolloutStatuses.of(rollout(3, 2, 4, 1, 4, 1, "ProgressDeadlineExceeded")).state()).isEqualTo(State.WAITING);
    }

    @Test
    void rolloutLinesCarryTheKindOfTheStatus() {
        var time = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RolloutLine.of(time, RolloutStatuses.of(rollout(1, 1, 1, 1, 1, 1, null))).kind())
                .isEqualTo(RolloutLine.Kind.DONE);
        assertThat(RolloutLine.of(time, RolloutStatuses.of(rollout(1, 1, 1, 1, 1, 0, null))).kind())
                .isEqualTo(RolloutLine.Kind.STATUS);
        assertThat(RolloutLine.of(time, RolloutStatuses.of(rollout(1, 1, 1, 0, 1, 0, "ProgressDeadlineExceeded"))).kind())
                .isEqualTo(RolloutLine.Kind.ERROR);
    }

    private static DeploymentRollout rollout(long generation, long observed, Integer spec, int updated, int replicas,
                                             int available, String reason) {
        return new DeploymentRollout("web-canary", generation, observed, spec, updated, replicas, available, reason);
    }
}
