package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pods of a release are its workload's only: by label, or (pods made before the label) by owner or name. */
class ReleasePodsTest {
    private static final Map<String, String> CANARY_1 = ReleaseNames.trackLabels(ReleaseNames.CANARY, 1);

    @Test
    void theWorkloadLabelDecides() {
        Pod pod = new PodBuilder().withNewMetadata().withName("shop-api-canary-845cd9c9dd-mszsk")
                .withLabels(ReleaseNames.releaseLabels("shop-api", ReleaseNames.CANARY, 1)).endMetadata().build();

        assertThat(ReleasePods.isOf(pod, "shop-api", ReleaseNames.CANARY, 1)).isTrue();
        assertThat(ReleasePods.isOf(pod, "shop-frontend", ReleaseNames.CANARY, 1)).isFalse();
        assertThat(ReleasePods.isOf(pod, "shop-api", ReleaseNames.CANARY, 2)).isFalse();
    }

    @Test
    void aPodWithoutTheLabelIsRecognisedByItsReplicaSet() {
        Pod pod = new PodBuilder().withNewMetadata().withName("x-12345").withLabels(CANARY_1)
                .addNewOwnerReference().withKind("ReplicaSet").withName("shop-api-canary-845cd9c9dd")
                .withController(true).endOwnerReference().endMetadata().build();

        assertThat(ReleasePods.isOf(pod, "shop-api", ReleaseNames.CANARY, 1)).isTrue();
        assertThat(ReleasePods.isOf(pod, "shop", ReleaseNames.CANARY, 1)).isFalse();
        assertThat(ReleasePods.isOf(pod, "shop-api", ReleaseNames.BASELINE, 1)).isFalse();
    }

    @Test
    void aPodWithoutLabelOrOwnerIsRecognisedByItsName() {
        Pod pod = new PodBuilder().withNewMetadata().withName("shop-api-canary-845cd9c9dd-mszsk").withLabels(CANARY_1)
                .endMetadata().build();

        assertThat(ReleasePods.isOf(pod, "shop-api", ReleaseNames.CANARY, 1)).isTrue();
        assertThat(ReleasePods.isOf(pod, "shop-frontend", ReleaseNames.CANARY, 1)).isFalse();
    }
}
