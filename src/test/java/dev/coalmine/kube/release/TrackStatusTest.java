package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
class TrackStatusTest {
    private static final Deployment SAYS_READY = new DeploymentBuilder().withNewMetadata().withName("web-canary")
            .endMetadata().withNewSpec().withReplicas(1).withNewTemplate().withNewSpec().addNewContainer()
            .withName("web").withImage("web:2").endContainer().endSpec().endTemplate().endSpec()
            .withNewStatus().withReadyReplicas(1).endStatus().build();

    @Test
    void readinessIsCountedFromThePodsWhenTheyAreKnown() {
        TrackStatus crashing = TrackStatus.of(SAYS_READY, List.of(
                new PodSummary("web-canary-1", false, 5, "CrashLoopBackOff")));

        assertThat(crashing.readyReplicas()).as("the Deployment's status lags; the pod does not").isZero();
        assertThat(crashing.restarts()).isEqualTo(5);
        assertThat(crashing.worstState()).contains("CrashLoopBackOff");
        assertThat(TrackStatus.of(SAYS_READY).readyReplicas()).as("without pods, the Deployment's status").isOne();
    }

    @Test
    void theWorstStateWinsOverNotReadyAndRunning() {
        TrackStatus mixed = TrackStatus.of(SAYS_READY, List.of(new PodSummary("a", true, 0, PodSummary.RUNNING),
                new PodSummary("b", false, 0, PodSummary.NOT_READY), new PodSummary("c", false, 2, "ImagePullBackOff")));

        assertThat(mixed.worstState()).contains("ImagePullBackOff");
        assertThat(TrackStatus.absent().worstState()).isEmpty();
    }
}
