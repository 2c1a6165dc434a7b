package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo API server serves Argo Rollouts' and Flagger's custom resources as their CRDs define them. */
class EngineResourcesTest {
    static final ResourceDefinitionContext ROLLOUTS = context("argoproj.io", "v1alpha1", "Rollout", "rollouts");
    static final ResourceDefinitionContext CANARIES = context("flagger.app", "v1beta1", "Canary", "canaries");

    // The Rollout of Argo Rollouts' docs/migrating.md ("Reference Deployment From Rollout").
    static final String ROLLOUT = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: rollout-ref-deployment
            spec:
              replicas: 5
              selector:
                matchLabels:
                  app: rollout-ref-deployment
              workloadRef:
                apiVersion: apps/v1
                kind: Deployment
                name: rollout-ref-deployment
                scaleDown: onsuccess
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: {duration: 10s}
            """;
    // The Canary of Flagger's docs/gitbook/usage/how-it-works.md ("Canary resource").
    static final String CANARY = """
            apiVersion: flagger.app/v1beta1
            kind: Canary
            metadata:
              name: podinfo
            spec:
              targetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: podinfo
              service:
                port: 9898
              analysis:
                interval: 1m
                threshold: 10
                maxWeight: 50
                stepWeight: 5
                metrics:
                  - name: request-success-rate
                    thresholdRange:
                      min: 99
                    interval: 1m
                  - name: request-duration
                    thresholdRange:
                      max: 500
                    interval: 1m
                webhooks:
                  - name: load-test
                    url: http://flagger-loadtester.test/
                    metadata:
                      cmd: "hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/"
            """;

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().empty());
        client = cluster.client();
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        kubectl = new Kubectl(kubeconfig);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void kubectlAppliesTheDocumentedExamplesAndPrintsTheCrdColumns() {
        kubectl.runWithInput(ROLLOUT + "---\n" + CANARY, 60, "apply", "-f", "-").ok();
        String rollouts = kubectl.run("get", "rollouts").ok().out();
        assertThat(rollouts).contains("NAME", "DESIRED", "CURRENT", "UP-TO-DATE", "AVAILABLE", "AGE",
                "rollout-ref-deployment", "5");
        String canaries = kubectl.run("get", "canaries", "-o", "wide").ok().out();
        assertThat(canaries).contains("STATUS", "WEIGHT", "FAILEDCHECKS", "INTERVAL", "STEPWEIGHT", "MAXWEIGHT",
                "LASTTRANSITIONTIME", "podinfo", "1m", "50");
        assertThat(kubectl.run("api-resources", "--api-group=argoproj.io").ok().out())
                .contains("rollouts", "ro", "analysistemplates", "analysisruns", "clusteranalysistemplates");
        assertThat(kubectl.run("api-resources", "--api-group=flagger.app").ok().out())
                .contains("canaries", "metrictemplates", "alertproviders");
        assertThat(kubectl.run("get", "ro,canary").ok().out()).contains("rollout.argoproj.io/rollout-ref-deployment",
                "canary.flagger.app/podinfo");
    }

    @Test
    void anObjectTheSchemaForbidsIsRejectedWith422AndNothingIsStored() {
        String bad = CANARY.replace("name: podinfo\nspec:", "name: broken\nspec:").replace("interval: 1m\n    threshold",
                "interval: 1x\n    threshold").replace("  targetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n"
                        + "    name: podinfo\n", "");
        Kubectl.Result result = kubectl.runWithInput(bad, 60, "apply", "-f", "-");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("Canary \"broken\" is invalid", "spec.targetRef: Required value",
                "spec.analysis.interval: Invalid value: \"1x\"", "should match '^[0-9]+(m|s)'");
        assertThat(client.genericKubernetesResources(CANARIES).inNamespace("default").withName("broken").get()).isNull();

        GenericKubernetesResource rollout = GenericKubernetesResource.class.cast(
                client.getKubernetesSerialization().unmarshal(ROLLOUT.replace("setWeight: 20", "setWeight: twenty")
                        .replace("name: rollout-ref-deployment\nspec", "name: wrong\nspec")));
        KubernetesClientException rejected = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
                () -> client.genericKubernetesResources(ROLLOUTS).inNamespace("default").resource(rollout).create());
        assertThat(rejected.getCode()).isEqualTo(422);
        assertThat(rejected.getStatus().getDetails().getCauses()).anySatisfy(c -> assertThat(c.getField())
                .isEqualTo("spec.strategy.canary.steps[0].setWeight"));
    }

    @Test
    void statusGoesThroughTheSubresourceAndWatchesSeeIt() throws Exception {
        kubectl.runWithInput(ROLLOUT.replace("rollout-ref-deployment", "watched"), 60, "apply", "-f", "-").ok();
        List<String> phases = new CopyOnWriteArrayList<>();
        try (Watch watch = client.genericKubernetesResources(ROLLOUTS).inNamespace("default").withName("watched")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource resource) {
                        Object status = resource.getAdditionalProperties().get("status");
                        if (status instanceof Map<?, ?> map && map.get("phase") != null) {
                            phases.add(String.valueOf(map.get("phase")));
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            GenericKubernetesResource current = client.genericKubernetesResources(ROLLOUTS).inNamespace("default")
                    .withName("watched").get();
            current.setAdditionalProperty("status", Map.of("phase", "Paused", "message", "CanaryPauseStep"));
            current.setAdditionalProperty("spec", Map.of("replicas", 1));
            client.genericKubernetesResources(ROLLOUTS).inNamespace("default").resource(current).updateStatus();
            Await.until("the watch to see the new phase", java.time.Duration.ofSeconds(10), () -> phases.contains("Paused"));
        }
        GenericKubernetesResource stored = client.genericKubernetesResources(ROLLOUTS).inNamespace("default")
                .withName("watched").get();
        assertThat(((Map<?, ?>) stored.getAdditionalProperties().get("spec")).get("replicas"))
                .as("a status write leaves the spec alone").isEqualTo(5);
        assertThat(kubectl.run("get", "rollout", "watched", "-o", "jsonpath={.status.phase}").ok().out())
                .isEqualTo("Paused");
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
