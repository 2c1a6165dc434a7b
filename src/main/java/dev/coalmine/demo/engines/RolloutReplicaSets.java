package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Rollout's ReplicaSets, as Argo Rollouts keeps them: one per pod template, named {@code <rollout>-<hash>}, labelled
 * {@code rollouts-pod-template-hash}, annotated with the rollout revision, owned by the Rollout; the canary's pods
 * carry {@code canaryMetadata}, the stable's {@code stableMetadata}.
 */
final class RolloutReplicaSets {
    static final String HASH_LABEL = "rollouts-pod-template-hash";
    static final String REVISION = "rollout.argoproj.io/revision";

    private final KubernetesClient client;

    RolloutReplicaSets(KubernetesClient client) {
        this.client = client;
    }

    /** The pod template: the referenced Deployment's ({@code workloadRef}) or the Rollout's own. */
    Optional<PodTemplateSpec> template(JsonNode rollout) {
        JsonNode ref = rollout.path("spec").path("workloadRef");
        if (ref.isObject()) {
            Deployment d = client.apps().deployments().inNamespace(Trees.namespace(rollout))
                    .withName(ref.path("name").asText()).get();
            return Optional.ofNullable(d).map(x -> x.getSpec().getTemplate());
        }
        JsonNode template = rollout.path("spec").path("template");
        return template.isObject()
                ? Optional.of(client.getKubernetesSerialization().convertValue(template, PodTemplateSpec.class))
                : Optional.empty();
    }

    List<ReplicaSet> owned(JsonNode rollout) {
        return client.apps().replicaSets().inNamespace(Trees.namespace(rollout)).list().getItems().stream()
                .filter(rs -> controlledBy(rs, rollout)).toList();
    }

    private static boolean controlledBy(ReplicaSet rs, JsonNode rollout) {
        return rs.getMetadata().getOwnerReferences().stream()
                .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && r.getUid().equals(Trees.uid(rollout)));
    }

    static Optional<ReplicaSet> withHash(List<ReplicaSet> sets, String hash) {
        return sets.stream().filter(rs -> hash.equals(labels(rs).get(HASH_LABEL))).findFirst();
    }

    static int revision(ReplicaSet rs) {
        String value = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(REVISION);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Creates the ReplicaSet of {@code hash}. Empty when its name {@code <rollout>-<hash>} is taken by a ReplicaSet
     * this Rollout does not control, a hash collision (Argo's {@code createDesiredReplicaSet}): with a Deployment of
     * the Rollout's name and template, as a {@code workloadRef} often has, its ReplicaSet has exactly that name.
     */
    Optional<ReplicaSet> create(JsonNode rollout, PodTemplateSpec template, String hash, int revision,
            JsonNode podMetadata) {
        Map<String, String> podLabels = new LinkedHashMap<>(template.getMetadata().getLabels());
        podMetadata.path("labels").fields().forEachRemaining(e -> podLabels.put(e.getKey(), e.getValue().asText()));
        podLabels.put(HASH_LABEL, hash);
        Map<String, String> selector = new LinkedHashMap<>();
        rollout.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        if (selector.isEmpty()) {
            selector.putAll(template.getMetadata().getLabels());
        }
        selector.put(HASH_LABEL, hash);
        PodTemplateSpec podTemplate = new PodTemplateSpecBuilder(template).editOrNewMetadata().withLabels(podLabels)
                .endMetadata().build();
        ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName(Trees.name(rollout) + "-" + hash)
                .withNamespace(Trees.namespace(rollout)).withLabels(podLabels)
                .addToAnnotations(REVISION, String.valueOf(revision))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("argoproj.io/v1alpha1")
                        .withKind("Rollout").withName(Trees.name(rollout)).withUid(Trees.uid(rollout))
                        .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata().withNewSpec().withReplicas(0).withNewSelector().withMatchLabels(selector).endSelector()
                .withTemplate(podTemplate).endSpec().build();
        try {
            return Optional.of(client.apps().replicaSets().resource(rs).create());
        } catch (KubernetesClientException e) {
            if (!EngineApi.alreadyExists(e)) {
                throw e;
            }
            return Optional.ofNullable(client.apps().replicaSets().inNamespace(Trees.namespace(rollout))
                    .withName(rs.getMetadata().getName()).get()).filter(existing -> controlledBy(existing, rollout));
        }
    }

    ReplicaSet scale(ReplicaSet rs, int replicas) {
        if (rs.getSpec().getReplicas() != null && rs.getSpec().getReplicas() == replicas) {
            return rs;
        }
        return client.apps().replicaSets().resource(rs).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    /** Moves a ReplicaSet and its pods from the canary's pod metadata to the stable's (ephemeral metadata). */
    void relabel(ReplicaSet rs, JsonNode from, JsonNode to) {
        Map<String, String> changes = new HashMap<>();
        from.path("labels").fieldNames().forEachRemaining(k -> changes.put(k, null));
        to.path("labels").fields().forEachRemaining(e -> changes.put(e.getKey(), e.getValue().asText()));
        if (changes.isEmpty()) {
            return;
        }
        ObjectNode labels = Trees.object();
        changes.forEach((k, v) -> {
            if (v == null) {
                labels.putNull(k);
            } else {
                labels.put(k, v);
            }
        });
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"labels\":" + labels + "}}}}";
        client.apps().replicaSets().resource(rs).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        String hash = labels(rs).get(HASH_LABEL);
        for (Pod pod : client.pods().inNamespace(rs.getMetadata().getNamespace()).withLabel(HASH_LABEL, hash).list()
                .getItems()) {
            client.pods().resource(pod).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"labels\":" + labels + "}}");
        }
    }

    static Map<String, String> labels(ReplicaSet rs) {
        return rs.getMetadata().getLabels() == null ? Map.of() : rs.getMetadata().getLabels();
    }

    String hash(PodTemplateSpec template, int collisionCount) {
        return TemplateHash.of(client, template, collisionCount);
    }
}
