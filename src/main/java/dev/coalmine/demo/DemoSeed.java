package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** What a fresh demo cluster contains: its namespaces and, unless empty, a small shop in {@code default}. */
final class DemoSeed {
    static final String NAMESPACE = "default";
    static final String DEMO_NAMESPACE = "coalmine-demo";

    private DemoSeed() {
    }

    static void namespaces(KubernetesClient client) {
        for (String name : new String[] {NAMESPACE, "kube-system", "kube-public", DEMO_NAMESPACE}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata()
                    .build()).create();
        }
    }

    static void shop(KubernetesClient client) {
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("shop-frontend-config").addToLabels("app", "shop-frontend").endMetadata()
                .addToData("API_URL", "http://shop-api:8080")
                .addToData("FEATURE_RECOMMENDATIONS", "true")
                .addToData("LOG_LEVEL", "info")
                .build()).create();
        client.apps().deployments().inNamespace(NAMESPACE).resource(
                deployment("shop-frontend", 4, "registry.example.com/shop/frontend:1.3.0", true)).create();
        client.services().inNamespace(NAMESPACE).resource(service("shop-frontend", 80)).create();
        client.apps().deployments().inNamespace(NAMESPACE).resource(
                deployment("shop-api", 2, "registry.example.com/shop/api:2.7.1", false)).create();
        client.services().inNamespace(NAMESPACE).resource(service("shop-api", 8080)).create();
    }

    static Deployment deployment(String name, int replicas, String image, boolean withConfig) {
        Map<String, String> labels = Map.of("app", name);
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withName(name).addToLabels(labels)
                .addToLabels("app.kubernetes.io/part-of", "shop").endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName(name.substring(name.indexOf('-') + 1)).withImage(image)
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .withReadinessProbe(readiness())
                .withNewResources().addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("128Mi")).endResources()
                .endContainer().endSpec().endTemplate().endSpec();
        Deployment deployment = builder.build();
        if (withConfig) {
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).setEnvFrom(List.of(
                    new EnvFromSourceBuilder().withNewConfigMapRef()
                            .withName("shop-frontend-config").endConfigMapRef().build()));
        }
        return deployment;
    }

    private static Probe readiness() {
        return new ProbeBuilder().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http"))
                .endHttpGet().withInitialDelaySeconds(2).withPeriodSeconds(5).build();
    }

    static Service service(String name, int port) {
        return new ServiceBuilder().withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().addToSelector("app", name)
                .addNewPort().withName("http").withPort(port).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort().endSpec().build();
    }
}
