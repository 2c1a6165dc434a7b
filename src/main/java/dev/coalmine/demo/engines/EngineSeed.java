package dev.coalmine.demo.engines;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The seeded shop's in-cluster releases, in their own namespace {@value #NAMESPACE} so that the shop in
 * {@code default} stays as it was: {@code checkout}, a Deployment that an Argo Rollout references
 * ({@code workloadRef}) with setWeight, pause and analysis steps and its AnalysisTemplate; and {@code search}, a
 * Deployment with a Flagger Canary. Changing either Deployment's image starts a canary that a trainer can show.
 */
public final class EngineSeed {
    public static final String NAMESPACE = "shop-engines";

    private EngineSeed() {
    }

    public static void seed(KubernetesClient client) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        create(client, deployment("checkout", "registry.example.com/shop/checkout:3.1.0"));
        create(client, service("checkout"));
        create(client, EngineApi.ANALYSIS_TEMPLATES, """
                apiVersion: argoproj.io/v1alpha1
                kind: AnalysisTemplate
                metadata:
                  name: checkout-success-rate
                spec:
                  args:
                    - name: namespace
                    - name: deployment
                  metrics:
                    - name: success-rate
                      interval: 10s
                      count: 3
                      initialDelay: 10s
                      failureLimit: 1
                      successCondition: result[0] >= 99
                      provider:
                        prometheus:
                          address: http://prometheus.monitoring:9090
                          query: >-
                            sum(rate(http_requests_total{namespace="{{args.namespace}}",deployment="{{args.deployment}}",track="canary",code!~"5.."}[30s]))
                            / sum(rate(http_requests_total{namespace="{{args.namespace}}",deployment="{{args.deployment}}",track="canary"}[30s])) * 100
                """);
        create(client, EngineApi.ROLLOUTS, """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: checkout
                spec:
                  replicas: 4
                  selector:
                    matchLabels:
                      app: checkout
                  workloadRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: checkout
                    scaleDown: onsuccess
                  strategy:
                    canary:
                      canaryMetadata:
                        labels:
                          coalmine.dev/track: canary
                      steps:
                        - setWeight: 25
                        - pause: {}
                        - setWeight: 50
                        - analysis:
                            templates:
                              - templateName: checkout-success-rate
                            args:
                              - name: namespace
                                value: shop-engines
                              - name: deployment
                                value: checkout
                        - setWeight: 75
                        - pause: {duration: 30s}
                """);
        create(client, deployment("search", "registry.example.com/shop/search:5.0.2"));
        create(client, EngineApi.CANARIES, """
                apiVersion: flagger.app/v1beta1
                kind: Canary
                metadata:
                  name: search
                spec:
                  targetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: search
                  service:
                    port: 8080
                    targetPort: http
                  analysis:
                    interval: 30s
                    threshold: 3
                    maxWeight: 50
                    stepWeight: 10
                    metrics:
                      - name: request-success-rate
                        thresholdRange:
                          min: 99
                        interval: 1m
                      - name: request-duration
                        thresholdRange:
                          max: 500
                        interval: 1m
                """);
    }

    private static HasMetadata deployment(String name, String image) {
        return new DeploymentBuilder().withNewMetadata().withName(name)
                .withNamespace(NAMESPACE).addToLabels("app", name).addToLabels("app.kubernetes.io/part-of", "shop")
                .endMetadata().withNewSpec().withReplicas(4).withNewSelector().addToMatchLabels("app", name)
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage(image).addNewPort().withName("http")
                .withContainerPort(8080).endPort().withNewReadinessProbe().withNewHttpGet().withPath("/healthz")
                .withNewPort("http").endHttpGet().withPeriodSeconds(5).endReadinessProbe().endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static HasMetadata service(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name)
                .withNamespace(NAMESPACE).addToLabels("app", name).endMetadata().withNewSpec()
                .addToSelector("app", name).addNewPort().withName("http").withPort(8080).withNewTargetPort("http")
                .endPort().endSpec().build();
    }

    private static void create(KubernetesClient client, HasMetadata object) {
        client.resource(object).create();
    }

    private static void create(KubernetesClient client, ResourceDefinitionContext type, String yaml) {
        GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(yaml,
                GenericKubernetesResource.class);
        client.genericKubernetesResources(type).inNamespace(NAMESPACE).resource(object).create();
    }
}
