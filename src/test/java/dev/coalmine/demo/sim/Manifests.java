package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.HashMap;
import java.util.Map;

/** Deployments as a user would write them, for the tests. */
public final class Manifests {
    private Manifests() {
    }

    public static DeploymentBuilder deployment(String name, int replicas, String image, Map<String, String> labels) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace("default").withLabels(labels).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%"))
                .endRollingUpdate().endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(new HashMap<>(labels)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image)
                .addNewPort().withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(8080)).endHttpGet()
                .withInitialDelaySeconds(1).endReadinessProbe()
                .endContainer().endSpec()
                .endTemplate()
                .endSpec();
    }

    public static Deployment web(String image) {
        return deployment("web", 4, image, Map.of("app", "web")).build();
    }
}
