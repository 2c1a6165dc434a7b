package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects Flagger makes for a Canary whose target is a Deployment {@code X} selected by {@code app: X}: the
 * primary Deployment {@code X-primary} (the target's spec with {@code app: X-primary}), the ClusterIP Services
 * {@code X-primary} and {@code X-canary}, and the apex Service {@code X} pointed at the primary.
 */
final class CanaryWorkloads {
    static final String SELECTOR_LABEL = "app";
    private final KubernetesClient client;

    CanaryWorkloads(KubernetesClient client) {
        this.client = client;
    }

    Deployment target(JsonNode canary) {
        return client.apps().deployments().inNamespace(Trees.namespace(canary))
                .withName(canary.path("spec").path("targetRef").path("name").asText()).get();
    }

    Deployment primary(Deployment target) {
        return client.apps().deployments().inNamespace(target.getMetadata().getNamespace())
                .withName(primaryName(target)).get();
    }

    static String primaryName(Deployment target) {
        return target.getMetadata().getName() + "-primary";
    }

    /** Creates what is missing: the primary Deployment and the three Services. */
    void initialize(JsonNode canary, Deployment target) {
        if (primary(target) == null) {
            int replicas = target.getSpec().getReplicas() == null || target.getSpec().getReplicas() == 0 ? 1
                    : target.getSpec().getReplicas();
            Deployment primary = new DeploymentBuilder().withNewMetadata().withName(primaryName(target))
                    .withNamespace(target.getMetadata().getNamespace())
                    .withLabels(Map.of(SELECTOR_LABEL, primaryName(target)))
                    .withOwnerReferences(owner(canary)).endMetadata()
                    .withNewSpec().withReplicas(replicas).withNewSelector()
                    .addToMatchLabels(SELECTOR_LABEL, primaryName(target)).endSelector()
                    .withTemplate(primaryTemplate(target)).endSpec().build();
            client.apps().deployments().resource(primary).create();
        }
        int port = canary.path("spec").path("service").path("port").asInt(80);
        JsonNode targetPort = canary.path("spec").path("service").path("targetPort");
        IntOrString backend = targetPort.isTextual() ? new IntOrString(targetPort.asText())
                : new IntOrString(targetPort.isIntegralNumber() ? targetPort.asInt() : port);
        String name = target.getMetadata().getName();
        service(canary, name + "-canary", name, port, backend);
        service(canary, name + "-primary", primaryName(target), port, backend);
        service(canary, name, primaryName(target), port, backend);
    }

    private void service(JsonNode canary, String name, String selects, int port, IntOrString backend) {
        String namespace = Trees.namespace(canary);
        Service existing = client.services().inNamespace(namespace).withName(name).get();
        if (existing == null) {
            client.services().resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                    .withLabels(Map.of(SELECTOR_LABEL, name)).withOwnerReferences(owner(canary)).endMetadata()
                    .withNewSpec().withType("ClusterIP").withSelector(Map.of(SELECTOR_LABEL, selects))
                    .addNewPort().withName("http").withPort(port).withTargetPort(backend).withProtocol("TCP")
                    .endPort().endSpec().build()).create();
        } else if (!Map.of(SELECTOR_LABEL, selects).equals(existing.getSpec().getSelector())) {
            client.services().resource(existing).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"selector\":{\"" + SELECTOR_LABEL + "\":\"" + selects + "\"}}}");
        }
    }

    /** Promotion: the primary gets the target's pod template. */
    void promote(Deployment target) {
        Deployment primary = primary(target);
        String template = client.getKubernetesSerialization().asJson(primaryTemplate(target));
        client.apps().deployments().resource(primary).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":" + template + "}}");
    }

    void scale(Deployment deployment, int replicas) {
        if (deployment.getSpec().getReplicas() == null || deployment.getSpec().getReplicas() != replicas) {
            client.apps().deployments().resource(deployment).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"replicas\":" + replicas + "}}");
        }
    }

    static boolean ready(Deployment d) {
        if (d == null || d.getStatus() == null) {
            return false;
        }
        int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        Long observed = d.getStatus().getObservedGeneration();
        return observed != null && observed >= d.getMetadata().getGeneration()
                && number(d.getStatus().getUpdatedReplicas()) >= wanted
                && number(d.getStatus().getAvailableReplicas()) >= wanted
                && number(d.getStatus().getReplicas()) == wanted;
    }

    private static int number(Integer n) {
        return n == null ? 0 : n;
    }

    private static PodTemplateSpec primaryTemplate(Deployment target) {
        Map<String, String> labels = new LinkedHashMap<>(target.getSpec().getTemplate().getMetadata().getLabels());
        labels.put(SELECTOR_LABEL, primaryName(target));
        return new PodTemplateSpecBuilder(target.getSpec().getTemplate()).editMetadata().withLabels(labels)
                .endMetadata().build();
    }

    private static OwnerReference owner(JsonNode canary) {
        return new OwnerReferenceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
                .withName(Trees.name(canary)).withUid(Trees.uid(canary)).withController(true)
                .withBlockOwnerDeletion(true).build();
    }

    static List<String> names(Deployment target) {
        String name = target.getMetadata().getName();
        return List.of(name + "-primary", name + "-canary", name);
    }
}
