package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.engine.HandOff;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * One object of a hand-off: created when missing; when present, updated only if Coalmine created it (its
 * {@code app.kubernetes.io/managed-by: coalmine} label), since Coalmine never changes what it did not create.
 */
final class HandOffWrite {
    private static final Map<String, String> PLURALS = Map.of("Rollout", "rollouts", "AnalysisTemplate",
            "analysistemplates", "Canary", "canaries", "MetricTemplate", "metrictemplates");
    static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io/v1alpha1", "Rollout");
    static final ResourceDefinitionContext CANARIES = context("flagger.app/v1beta1", "Canary");

    private final KubernetesClient client;
    private final GenericKubernetesResource object;
    private final ResourceDefinitionContext type;

    HandOffWrite(KubernetesClient client, GenericKubernetesResource object, ResourceDefinitionContext type) {
        this.client = client;
        this.object = object;
        this.type = type;
    }

    static ResourceDefinitionContext context(String apiVersion, String kind) {
        String[] gv = apiVersion.split("/");
        return new ResourceDefinitionContext.Builder().withGroup(gv[0]).withVersion(gv[1]).withKind(kind)
                .withPlural(PLURALS.get(kind)).withNamespaced(true).build();
    }

    void dryRun() {
        write(true);
    }

    void apply() {
        write(false);
    }

    private void write(boolean dryRun) {
        var named = client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName());
        try {
            GenericKubernetesResource existing = named.get();
            if (existing == null) {
                var created = client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace())
                        .resource(object);
                (dryRun ? created.dryRun() : created).create();
                return;
            }
            Map<String, String> labels = existing.getMetadata().getLabels();
            if (labels == null || !"coalmine".equals(labels.get(HandOff.MANAGED_BY))) {
                throw new CoalmineException(type.getKind() + " " + object.getMetadata().getName() + " exists and was "
                        + "not created by Coalmine: it is left alone; release with its own tools, or delete it");
            }
            existing.setAdditionalProperty("spec", object.getAdditionalProperties().get("spec"));
            var updated = client.genericKubernetesResources(type).inNamespace(object.getMetadata().getNamespace())
                    .resource(existing);
            (dryRun ? updated.dryRun() : updated).update();
        } catch (KubernetesClientException e) {
            throw new CoalmineException("the cluster refused the " + type.getKind() + " "
                    + object.getMetadata().getName() + (dryRun ? " in the dry run" : "") + ": " + reason(e));
        }
    }

    static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
    }
}
