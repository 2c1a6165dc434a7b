package dev.coalmine.testing;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

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

    /**
     * Creates Deployment {@code name} (image {@code registry.example.com/shop/NAME:1.0.0}, port {@code http} 8080)
     * and a Service of the same name in front of it, as the engines' Canaries and Rollouts expect.
     */
    public static void createServed(KubernetesClient client, String namespace, String name, int replicas) {
        Deployment deployment = of(namespace, name, replicas, "registry.example.com/shop/" + name + ":1.0.0");
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(List.of(
                new ContainerPortBuilder().withName("http").withContainerPort(8080).build()));
        client.apps().deployments().inNamespace(namespace).resource(deployment).create();
        client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().addToSelector("app", name).addNewPort().withName("http").withPort(8080)
                .withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
    }

    /**
     * Adds ({@code hold}) or removes {@code finalizer} on Deployment {@code name}, as another controller would to hold
     * its deletion open. The simulated controllers and the engine write the same Deployment: a 409 Conflict means
     * nothing was written, so the edit is made again on the newer version.
     */
    public static void holdDeletion(KubernetesClient client, String namespace, String name, String finalizer,
            boolean hold) {
        Eventually.assertThat(() -> client.apps().deployments().inNamespace(namespace)
                .withName(name).edit(d -> {
                    d.getMetadata().getFinalizers().remove(finalizer);
                    if (hold) {
                        d.getMetadata().getFinalizers().add(finalizer);
                    }
                    return d;
                }));
    }
}
