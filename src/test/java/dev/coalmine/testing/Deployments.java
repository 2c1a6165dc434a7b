package dev.coalmine.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** Small Deployments for tests. */
public final class Deployments {
    private Deployments() {
    }

    public static Deployment of(String namespace, String name, int replicas, String image) {
        return new DeploymentBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
