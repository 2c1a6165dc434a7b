package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl (1.32) against the demo cluster, for the commands a canary release and a demo use. */
class KubectlCompatibilityTest {
    @TempDir
    static Path dir;

    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
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
    void getShowsTheColumnsOfARealServer() throws Exception {
        String all = kubectl.run("get", "deploy,rs,pods,svc,cm,events,namespaces").ok().out();
        assertThat(all).contains("READY   UP-TO-DATE   AVAILABLE", "deployment.apps/shop-frontend   0/4",
                "service/shop-api", "ClusterIP", "configmap/shop-frontend-config", "namespace/coalmine-demo");
        assertThat(kubectl.run("get", "deploy", "-o", "wide").ok().out())
                .contains("IMAGES", "registry.example.com/shop/frontend:1.3.0", "app=shop-frontend");
        assertThat(kubectl.run("get", "deploy", "-l", "app=shop-api").ok().out())
                .contains("shop-api").doesNotContain("shop-frontend");
        assertThat(kubectl.run("get", "deploy", "shop-frontend", "-o", "yaml").ok().out())
                .contains("replicas: 4", "generation: 1", "uid: ", "creationTimestamp: ");
        JsonNode json = new ObjectMapper().readTree(kubectl.run("get", "svc", "shop-frontend", "-o", "json").ok().out());
        assertThat(json.path("spec").path("selector").path("app").asText()).isEqualTo("shop-frontend");
        assertThat(kubectl.run("get", "pods", "-n", "kube-system").ok().err())
                .contains("No resources found in kube-system namespace");
    }

    @Test
    void describeShowsTheDeploymentAndItsEvents() {
        Deployment frontend = client.apps().deployments().inNamespace("default").withName("shop-frontend").get();
        client.v1().events().inNamespace("default").resource(new EventBuilder().withNewMetadata()
                .withName("shop-frontend.scaled").endMetadata().withNewInvolvedObject().withKind("Deployment")
                .withApiVersion("apps/v1").withName("shop-frontend").withNamespace("default")
                .withUid(frontend.getMetadata().getUid()).endInvolvedObject().withReason("ScalingReplicaSet")
                .withMessage("Scaled up replica set shop-frontend-5d8c to 4").withType("Normal").withCount(1)
                .withNewSource().withComponent("deployment-controller").endSource().build()).create();
        assertThat(kubectl.run("describe", "deploy", "shop-frontend").ok().out()).contains(
                "Replicas:               4 desired", "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
                "Readiness:", "shop-frontend-config  ConfigMap",
                "ScalingReplicaSet", "Scaled up replica set shop-frontend-5d8c to 4");
    }

    @Test
    void applyCreatesThenLeavesUnchangedAMultiDocumentManifest() throws Exception {
        Path manifest = dir.resolve("shop.yaml");
        try (var in = KubectlCompatibilityTest.class.getResourceAsStream("checkout-manifest.yaml")) {
            Files.write(manifest, in.readAllBytes());
        }
        String first = kubectl.run("apply", "-f", manifest.toString()).ok().out();
        assertThat(first).contains("namespace/checkout created", "serviceaccount/checkout created",
                "configmap/checkout-config created", "secret/checkout-secret created",
                "deployment.apps/checkout created", "service/checkout created",
                "horizontalpodautoscaler.autoscaling/checkout created", "poddisruptionbudget.policy/checkout created",
                "ingress.networking.k8s.io/checkout created");
        String second = kubectl.run("apply", "-f", manifest.toString()).ok().out();
        assertThat(second).contains("deployment.apps/checkout unchanged", "service/checkout unchanged",
                "configmap/checkout-config unchanged");
        assertThat(kubectl.run("get", "hpa,pdb,ing,sa,secret", "-n", "checkout").ok().out())
                .contains("horizontalpodautoscaler.autoscaling/checkout", "poddisruptionbudget.policy/checkout",
                        "ingress.networking.k8s.io/checkout", "serviceaccount/checkout", "secret/checkout-secret");
        assertThat(kubectl.run("get", "secret", "checkout-secret", "-n", "checkout", "-o",
                "jsonpath={.data.password}").ok().out()).isEqualTo("czNjcmV0");
    }

    @Test
    void createNamespaceAndDeleteItWithItsContents() {
        assertThat(kubectl.run("create", "namespace", "qa").ok().out()).contains("namespace/qa created");
        assertThat(kubectl.run("create", "configmap", "settings", "-n", "qa", "--from-literal=a=b").ok().out())
                .contains("configmap/settings created");
        assertThat(kubectl.run("delete", "namespace", "qa").ok().out()).contains("namespace \"qa\" deleted");
        assertThat(client.configMaps().inNamespace("qa").withName("settings").get()).isNull();
        assertThat(kubectl.run("get", "namespace", "qa").err()).contains("NotFound", "namespaces \"qa\" not found");
    }

    @Test
    void scaleAndSetImageChangeTheSpecAndBumpTheGeneration() {
        createDeployment("catalog", "registry.example.com/shop/catalog:1.0.0");
        assertThat(kubectl.run("scale", "deploy", "catalog", "--replicas=3").ok().out()).contains("scaled");
        assertThat(kubectl.run("set", "image", "deploy/catalog", "catalog=registry.example.com/shop/catalog:1.1.0")
                .ok().out()).contains("image updated");
        assertThat(kubectl.run("scale", "deploy", "catalog", "--replicas=9", "--dry-run=server").ok().out())
                .contains("(server dry run)");
        assertThat(kubectl.run("delete", "deploy", "catalog", "--dry-run=server").ok().out())
                .contains("(server dry run)");
        Deployment stored = client.apps().deployments().inNamespace("default").withName("catalog").get();
        assertThat(stored.getSpec().getReplicas()).isEqualTo(3);
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/catalog:1.1.0");
        assertThat(stored.getMetadata().getGeneration()).isEqualTo(3L);
        assertThat(kubectl.run("delete", "deploy", "catalog").ok().out()).contains("\"catalog\" deleted");
        assertThat(kubectl.run("get", "deploy", "catalog").err()).contains("deployments.apps \"catalog\" not found");
    }

    @Test
    void replacingWithAStaleResourceVersionIsAConflict() throws Exception {
        createDeployment("stale", "nginx:1.27");
        Path saved = dir.resolve("stale.json");
        Files.writeString(saved, kubectl.run("get", "deploy", "stale", "-o", "json").ok().out());
        kubectl.run("scale", "deploy", "stale", "--replicas=2").ok();
        Kubectl.Result replaced = kubectl.run("replace", "-f", saved.toString());
        assertThat(replaced.exitCode()).isEqualTo(1);
        assertThat(replaced.err()).contains("Conflict", "the object has been modified");
    }

    @Test
    void watchPrintsChangesAsTheyHappen() throws Exception {
        createDeployment("watched", "nginx:1.27");
        Path out = dir.resolve("watch.out");
        Process watch = kubectl.start(out, "get", "deploy", "watched", "-w");
        try {
            Await.until("kubectl printed the deployment", Duration.ofSeconds(30),
                    () -> read(out).contains("watched   0/1"));
            client.apps().deployments().inNamespace("default").withName("watched").scale(5);
            Await.until("kubectl printed the scaled deployment", Duration.ofSeconds(30),
                    () -> read(out).contains("watched   0/5"));
            assertThat(read(out).lines().filter(l -> l.startsWith("watched")).count()).isEqualTo(2);
        } finally {
            watch.destroy();
            watch.waitFor();
        }
    }

    @Test
    void rolloutStatusReturnsOnceTheStatusSaysTheRolloutIsDone() throws Exception {
        createDeployment("rolling", "nginx:1.27");
        Path out = dir.resolve("rollout.out");
        Process status = kubectl.start(out, "rollout", "status", "deploy/rolling", "--timeout=90s");
        try {
            Await.until("kubectl waits for the rollout", Duration.ofSeconds(30),
                    () -> read(out).contains("Waiting for deployment"));
            // Test-only stand-in for the deployment controller: report the rollout as complete.
            client.apps().deployments().inNamespace("default").withName("rolling").editStatus(d ->
                    new DeploymentBuilder(d).withNewStatus().withObservedGeneration(1L).withReplicas(1)
                            .withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1).endStatus().build());
            Await.until("kubectl rollout status exits", Duration.ofSeconds(60), () -> !status.isAlive());
            assertThat(status.exitValue()).isZero();
            assertThat(read(out)).contains("deployment \"rolling\" successfully rolled out");
        } finally {
            status.destroy();
        }
    }

    @Test
    void rolloutHistoryAndUndoUseTheRevisionsOfReplicaSets() {
        Deployment owner = createDeployment("history", "registry.example.com/shop/history:2.0.0");
        // Test-only stand-in for the deployment controller: two revisions as ReplicaSets.
        for (int revision = 1; revision <= 2; revision++) {
            String hash = "rev" + revision;
            client.apps().replicaSets().inNamespace("default").resource(new ReplicaSetBuilder().withNewMetadata()
                    .withName("history-" + hash).addToLabels("app", "history").addToLabels("pod-template-hash", hash)
                    .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("history")
                    .withUid(owner.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                    .withNewSpec().withReplicas(0).withNewSelector().addToMatchLabels("app", "history")
                    .addToMatchLabels("pod-template-hash", hash).endSelector().withNewTemplate().withNewMetadata()
                    .addToLabels("app", "history").addToLabels("pod-template-hash", hash).endMetadata().withNewSpec()
                    .addNewContainer().withName("history").withImage("registry.example.com/shop/history:" + revision
                            + ".0.0").endContainer().endSpec().endTemplate().endSpec().build()).create();
        }
        assertThat(kubectl.run("rollout", "history", "deploy/history").ok().out()).containsPattern("(?m)^1 ")
                .containsPattern("(?m)^2 ");
        assertThat(kubectl.run("rollout", "undo", "deploy/history", "--to-revision=1").ok().out())
                .contains("rolled back");
        Deployment undone = client.apps().deployments().inNamespace("default").withName("history").get();
        assertThat(undone.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/history:1.0.0");
        assertThat(undone.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void authCanIFollowsTheDemoRbacRules() {
        assertThat(kubectl.run("auth", "can-i", "create", "deployments", "-n", "shop").ok().out().trim())
                .isEqualTo("yes");
        kubectl.run("create", "configmap", "demo-rbac", "-n", "coalmine-demo",
                "--from-literal=deny=create deployments.apps shop").ok();
        try {
            Kubectl.Result denied = kubectl.run("auth", "can-i", "create", "deployments", "-n", "shop");
            assertThat(denied.exitCode()).isEqualTo(1);
            assertThat(denied.out()).contains("no - denied by the demo cluster's RBAC rule");
        } finally {
            kubectl.run("delete", "configmap", "demo-rbac", "-n", "coalmine-demo").ok();
        }
    }

    @Test
    void aRequestTheDemoRbacRulesDenyIsRefusedAsARealServerRefusesIt() {
        kubectl.run("create", "configmap", "demo-rbac", "-n", "coalmine-demo",
                "--from-literal=deny=create deployments.apps shop\ndelete * *").ok();
        try {
            Kubectl.Result refused = kubectl.run("create", "deployment", "refused", "--image=nginx", "-n", "shop");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("deployments.apps is forbidden: User "
                    + "\"demo-admin\" cannot create resource \"deployments\" in API group \"apps\" in the namespace "
                    + "\"shop\": denied by the demo cluster's RBAC rule \"create deployments.apps shop\"");
            Kubectl.Result deleting = kubectl.run("delete", "deployment", "shop-frontend", "-n", "default");
            assertThat(deleting.err()).contains("Error from server (Forbidden): deployments.apps \"shop-frontend\" is "
                    + "forbidden", "cannot delete");
            assertThat(kubectl.run("get", "deployments", "-n", "default").ok().out()).contains("shop-frontend");
            assertThat(kubectl.run("create", "configmap", "allowed", "--from-literal=a=b", "-n", "default").ok().out())
                    .contains("configmap/allowed created");
        } finally {
            kubectl.run("delete", "configmap", "demo-rbac", "-n", "coalmine-demo").ok();
        }
        assertThat(kubectl.run("delete", "configmap", "allowed", "-n", "default").ok().out())
                .as("the rules, deleted in spite of 'delete * *', apply no more").contains("deleted");
    }

    @Test
    void authCanIListShowsTheDemoRbacRules() {
        assertThat(kubectl.run("auth", "can-i", "--list", "-n", "shop").ok().out())
                .containsPattern("\\*\\.\\*\\s+\\[\\]\\s+\\[\\]\\s+\\[\\*\\]");
        kubectl.run("create", "configmap", "demo-rbac", "-n", "coalmine-demo",
                "--from-literal=deny=delete deployments.apps shop").ok();
        try {
            String listed = kubectl.run("auth", "can-i", "--list", "-n", "shop").ok().out();
            String deployments = listed.lines().filter(l -> l.startsWith("deployments.apps ")).findFirst().orElseThrow();
            assertThat(deployments).contains("create", "get", "list", "watch", "update")
                    .doesNotContainPattern("[\\[ ]delete[\\] ]");
            assertThat(listed).containsPattern("(?m)^configmaps\\s.*delete");
        } finally {
            kubectl.run("delete", "configmap", "demo-rbac", "-n", "coalmine-demo").ok();
        }
    }

    @Test
    void logsAndFollowedLogsComeFromThePod() throws Exception {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("shop-api-x1")
                .endMetadata().withNewSpec().addNewContainer().withName("api")
                .withImage("registry.example.com/shop/api:2.7.1").endContainer().endSpec().build()).create();
        assertThat(kubectl.run("logs", "shop-api-x1").ok().out())
                .startsWith("starting registry.example.com/shop/api:2.7.1 in pod shop-api-x1");
        Path out = dir.resolve("follow.out");
        Process follow = kubectl.start(out, "logs", "-f", "shop-api-x1");
        try {
            Await.until("kubectl logs -f shows new requests", Duration.ofSeconds(30),
                    () -> read(out).lines().filter(l -> l.contains("HTTP/1.1")).count() >= 2);
        } finally {
            follow.destroy();
            follow.waitFor();
        }
    }

    private static Deployment createDeployment(String name, String image) {
        return client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
