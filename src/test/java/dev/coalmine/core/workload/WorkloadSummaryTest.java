package dev.coalmine.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link WorkloadSummary#isSteady()} judges as {@code kubectl rollout status} does. */
@FastTest
class WorkloadSummaryTest {

    private static WorkloadSummary deployment(int desired, int updated, int available, int total,
            long generation, long observed) {
        return new WorkloadSummary("shop", "frontend", desired, available, updated, available,
                List.of(new WorkloadSummary.ContainerImage("frontend", "frontend:1.4.0")), Optional.empty(),
                generation, observed, total);
    }

    @Test
    void rolledOutWhenTheLatestSpecIsObservedAndEveryReplicaRunsItAndIsAvailable() {
        assertThat(deployment(4, 4, 4, 4, 7, 7).isSteady()).isTrue();
        assertThat(deployment(4, 4, 4, 4, 7, 8).isSteady()).as("observed ahead of the cached generation").isTrue();
    }

    @Test
    void aDeploymentJustEditedIsNotSteadyWhileItsStatusDescribesTheOldSpec() {
        // Counts of the previous template, all "updated" and available: only the generation tells.
        assertThat(deployment(4, 4, 4, 4, 8, 7).isSteady()).isFalse();
    }

    @Test
    void aDeploymentJustScaledToZeroIsNotSteadyBeforeTheControllerSawIt() {
        assertThat(deployment(0, 0, 0, 0, 2, 1).isSteady()).isFalse();
        assertThat(deployment(0, 0, 0, 0, 2, 2).isSteady()).isTrue();
    }

    @Test
    void oldReplicasStillRunningMeanNotSteady() {
        // kubectl: "old replicas are pending termination"
        assertThat(deployment(4, 4, 4, 5, 3, 3).isSteady()).isFalse();
    }

    @Test
    void aStatusWithoutATotalCountIsJudgedAsKubectlDoes() {
        // kubectl only compares status.replicas > updatedReplicas, so a status that omits replicas passes.
        assertThat(deployment(4, 4, 4, 0, 3, 3).isSteady()).isTrue();
    }

    @Test
    void fewerUpdatedOrAvailableThanDesiredIsNotSteady() {
        assertThat(deployment(4, 3, 3, 4, 3, 3).isSteady()).isFalse();
        assertThat(deployment(4, 4, 3, 4, 3, 3).isSteady()).isFalse();
    }

    @Test
    void theCountsOnlyConstructorMeansAStatusOfTheCurrentSpecWithNoOldReplicas() {
        WorkloadSummary summary = new WorkloadSummary("shop", "frontend", 4, 4, 4, 4, List.of(), Optional.empty());
        assertThat(summary.isSteady()).isTrue();
        assertThat(summary.totalReplicas()).isEqualTo(4);
    }
}
