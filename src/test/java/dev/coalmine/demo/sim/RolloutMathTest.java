package dev.coalmine.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutMathTest {

    @Test
    void percentagesRoundSurgeUpAndUnavailableDown() {
        assertThat(RolloutMath.fenceposts(rolling(10, "25%", "25%"))).isEqualTo(new RolloutMath.Fenceposts(3, 2));
        assertThat(RolloutMath.fenceposts(rolling(4, "25%", "25%"))).isEqualTo(new RolloutMath.Fenceposts(1, 1));
        assertThat(RolloutMath.fenceposts(rolling(3, "25%", "25%"))).isEqualTo(new RolloutMath.Fenceposts(1, 0));
    }

    @Test
    void integersAreTakenAsTheyAreAndZeroZeroAllowsOneUnavailable() {
        Deployment d = Manifests.deployment("x", 4, "img", Map.of("app", "x")).editSpec().editStrategy().editRollingUpdate()
                .withMaxSurge(new IntOrString(2)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate().endStrategy().endSpec().build();
        assertThat(RolloutMath.fenceposts(d)).isEqualTo(new RolloutMath.Fenceposts(2, 0));
        assertThat(RolloutMath.fenceposts(rolling(4, "0%", "0%"))).isEqualTo(new RolloutMath.Fenceposts(0, 1));
    }

    @Test
    void recreateHasNeitherSurgeNorUnavailability() {
        Deployment d = Manifests.deployment("x", 4, "img", Map.of("app", "x"))
                .editSpec().withNewStrategy().withType("Recreate").endStrategy().endSpec().build();
        assertThat(RolloutMath.fenceposts(d)).isEqualTo(new RolloutMath.Fenceposts(0, 0));
    }

    @Test
    void theNewReplicaSetGrowsOnlyWithinTheSurge() {
        assertThat(RolloutMath.newReplicaSetReplicas(4, 0, 0, 1)).isEqualTo(4);
        assertThat(RolloutMath.newReplicaSetReplicas(4, 0, 4, 1)).isEqualTo(1);
        assertThat(RolloutMath.newReplicaSetReplicas(4, 1, 5, 1)).isEqualTo(1);
        assertThat(RolloutMath.newReplicaSetReplicas(4, 1, 4, 1)).isEqualTo(2);
        assertThat(RolloutMath.newReplicaSetReplicas(4, 3, 3, 1)).isEqualTo(4);
    }

    @Test
    void aMalformedPercentageIsRejected() {
        assertThatThrownBy(() -> RolloutMath.scaled(new IntOrString("abc"), 4, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        SimulationSettings s = SimulationSettings.realistic();
        assertThat(s.backOff(1)).isEqualTo(s.backOffBase());
        assertThat(s.backOff(2)).isEqualTo(s.backOffBase().multipliedBy(2));
        assertThat(s.backOff(50)).isEqualTo(s.backOffMax());
    }

    private static Deployment rolling(int replicas, String surge, String unavailable) {
        return Manifests.deployment("x", replicas, "img", Map.of("app", "x")).editSpec().editStrategy().editRollingUpdate()
                .withMaxSurge(new IntOrString(surge)).withMaxUnavailable(new IntOrString(unavailable))
                .endRollingUpdate().endStrategy().endSpec().build();
    }
}
