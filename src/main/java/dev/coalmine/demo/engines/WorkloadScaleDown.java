package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * {@code workloadRef.scaleDown}: with {@code onsuccess} or {@code progressively} the referenced Deployment is scaled
 * to zero once the Rollout is Healthy (progressively is simplified to the same moment); {@code never} leaves it.
 */
final class WorkloadScaleDown {
    private final KubernetesClient client;

    WorkloadScaleDown(KubernetesClient client) {
        this.client = client;
    }

    void apply(JsonNode rollout, JsonNode status) {
        JsonNode ref = rollout.path("spec").path("workloadRef");
        String mode = ref.path("scaleDown").asText("never");
        if (!ref.isObject() || !(mode.equals("onsuccess") || mode.equals("progressively"))
                || !status.path("phase").asText().equals("Healthy")) {
            return;
        }
        Deployment d = client.apps().deployments().inNamespace(Trees.namespace(rollout))
                .withName(ref.path("name").asText()).get();
        if (d != null && d.getSpec().getReplicas() != null && d.getSpec().getReplicas() > 0) {
            client.apps().deployments().resource(d).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"spec\":{\"replicas\":0}}");
        }
    }
}
