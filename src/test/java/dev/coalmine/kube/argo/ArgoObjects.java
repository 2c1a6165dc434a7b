package dev.coalmine.kube.argo;

import dev.coalmine.kube.engines.EngineApis;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Rollouts as the Argo Rollouts controller leaves them, written into the demo cluster for tests. */
public final class ArgoObjects {
    /** Steps of Argo's canary example (docs/features/canary.md), with an analysis step. */
    public static final String ROLLOUT = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
            spec:
              replicas: 4
              selector:
                matchLabels:
                  app: checkout
              template:
                metadata:
                  labels:
                    app: checkout
                spec:
                  containers:
                    - name: checkout
                      image: registry.example.com/shop/checkout:2.1.0
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: {}
                    - setWeight: 50
                    - analysis:
                        templates:
                          - templateName: success-rate
                    - pause: {duration: 30s}
            """;

    private ArgoObjects() {
    }

    /** Creates the Rollout, then writes {@code statusJson} through the status subresource as the controller would. */
    public static void create(KubernetesClient client, String namespace, String statusJson) {
        GenericKubernetesResource rollout = Serialization.unmarshal(ROLLOUT, GenericKubernetesResource.class);
        client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(namespace).resource(rollout).create();
        client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(namespace).withName("checkout")
                .subresource("status").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), "{\"status\":" + statusJson + "}");
    }

    /** Paused at the first pause step, 20 % on the canary: what the controller writes there. */
    public static final String PAUSED_AT_STEP_1 = """
            {"phase":"Paused","message":"CanaryPauseStep","currentStepIndex":1,"currentPodHash":"6b9f7c5d8",
             "stableRS":"58d4b8c7f","controllerPause":true,
             "pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-12-06T06:00:00Z"}],
             "replicas":5,"updatedReplicas":1,"readyReplicas":5,"availableReplicas":5,
             "conditions":[{"type":"Paused","status":"True","reason":"RolloutPaused","message":"Rollout is paused",
               "lastTransitionTime":"2026-12-06T06:00:00Z","lastUpdateTime":"2026-12-06T06:00:00Z"}]}
            """;
}
