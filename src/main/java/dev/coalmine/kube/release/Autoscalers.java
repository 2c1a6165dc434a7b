package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** The HorizontalPodAutoscaler that scales a Deployment, as the autoscaling controller finds it: by its target. */
final class Autoscalers {
    private Autoscalers() {
    }

    /** @throws io.fabric8.kubernetes.client.KubernetesClientException when they cannot be listed (a 403, say) */
    static Optional<HorizontalPodAutoscaler> scaling(KubernetesClient client, Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(deployment.getMetadata().getNamespace())
                .list().getItems().stream()
                .filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
                        && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && name.equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }
}
