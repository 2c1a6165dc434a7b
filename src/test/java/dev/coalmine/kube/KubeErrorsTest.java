package dev.coalmine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

@FastTest
class KubeErrorsTest {
    private static KubernetesClientException answered(int code, String message) {
        return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage(message).build());
    }

    @Test
    void aRefusalSaysWhatToAskForAndNotToCheckTheCluster() {
        assertThat(KubeErrors.requestGaveUp(answered(403, "configmaps \"x\" is forbidden"))).hasValue("forbidden (403): "
                + "configmaps \"x\" is forbidden; ask for RBAC permission, then run the command again (a release "
                + "continues where it stopped)");
    }

    @Test
    void aServerErrorSaysItWasRetriedAndToCheckTheCluster() {
        assertThat(KubeErrors.requestGaveUp(answered(503, "unavailable"))).hasValue("the API server answered 503: "
                + "unavailable (still after retries with back-off); check the cluster and run the command again (a "
                + "release continues where it stopped)");
    }
}
