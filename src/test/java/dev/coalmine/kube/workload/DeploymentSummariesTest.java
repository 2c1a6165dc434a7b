package dev.coalmine.kube.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.testing.Deployments;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import org.junit.jupiter.api.Test;

@FastTest
class DeploymentSummariesTest {

    private static Deployment withStatus(long generation, long observed) {
        Deployment d = Deployments.of("default", "web", 2, "web:2");
        d.getMetadata().setGeneration(generation);
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(observed).withReplicas(2)
                .withReadyReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2).build());
        return d;
    }

    @Test
    void aRolledOutDeploymentIsSteady() {
        WorkloadSummary summary = DeploymentSummaries.of(withStatus(3, 3));
        assertThat(summary.updatedReplicas()).isEqualTo(2);
        assertThat(summary.isSteady()).isTrue();
    }

    @Test
    void aNewSpecNotYetObservedIsNotSteady() {
        // Right after an image change the status still counts the previous template's replicas as updated.
        WorkloadSummary summary = DeploymentSummaries.of(withStatus(4, 3));
        assertThat(summary.updatedReplicas()).isZero();
        assertThat(summary.readyReplicas()).isEqualTo(2);
        assertThat(summary.isSteady()).isFalse();
    }

    @Test
    void aDeploymentScaledToZeroIsNotSteadyBeforeTheControllerObservedIt() {
        // Every count is 0 = desired (a Deployment at 0 edited to a new image): only the generation tells.
        Deployment d = Deployments.of("default", "web", 0, "web:2");
        d.getMetadata().setGeneration(5L);
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(4L).withReplicas(0)
                .withReadyReplicas(0).withUpdatedReplicas(0).withAvailableReplicas(0).build());
        WorkloadSummary summary = DeploymentSummaries.of(d);
        assertThat(summary.generation()).isEqualTo(5);
        assertThat(summary.observedGeneration()).isEqualTo(4);
        assertThat(summary.isSteady()).isFalse();
    }

    @Test
    void oldReplicasPendingTerminationAreNotSteady() {
        Deployment d = withStatus(3, 3);
        d.getStatus().setReplicas(3);
        WorkloadSummary summary = DeploymentSummaries.of(d);
        assertThat(summary.totalReplicas()).isEqualTo(3);
        assertThat(summary.isSteady()).isFalse();
    }

    @Test
    void initContainersFollowTheContainersAndAreLeftOutOfTheImagesColumn() {
        Deployment d = withStatus(1, 1);
        d.getSpec().getTemplate().getSpec().setInitContainers(java.util.List.of(new ContainerBuilder()
                .withName("migrate").withImage("web-migrate:2").build()));
        WorkloadSummary summary = DeploymentSummaries.of(d);
        assertThat(summary.containers()).extracting(WorkloadSummary.ContainerImage::label)
                .containsExactly(d.getSpec().getTemplate().getSpec().getContainers().get(0).getName(),
                        "migrate (init container)");
        assertThat(summary.images()).containsExactly("web:2");
    }
}
