package dev.coalmine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.testing.DemoHttp;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the demo API server adds to the mock store, checked through fabric8 and raw HTTP. */
class ApiServerSemanticsTest {
    private static DemoCluster cluster;
    private static KubernetesClient client;
    private static DemoHttp http;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
        client = cluster.client();
        http = DemoHttp.of(cluster);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static Deployment newDeployment(String name) {
        return client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.26").endContainer()
                .addNewContainer().withName("sidecar").withImage("envoy:1.30").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    private static HttpResponse<String> http(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = http.request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request);
    }

    @Test
    void generationStartsAtOneAndMovesOnlyWithTheSpec() {
        Deployment d = newDeployment("gen");
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
        var resource = client.apps().deployments().inNamespace("default").withName("gen");
        assertThat(resource.edit(x -> new DeploymentBuilder(x).editMetadata().addToLabels("team", "a").endMetadata()
                .build()).getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(resource.editStatus(x -> new DeploymentBuilder(x).withNewStatus().withReplicas(2).endStatus()
                .build()).getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(resource.scale(3).getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void statusAndSpecAreWrittenOnlyThroughTheirOwnEndpoints() {
        newDeployment("split");
        var resource = client.apps().deployments().inNamespace("default").withName("split");
        resource.editStatus(x -> new DeploymentBuilder(x).withNewStatus().withReadyReplicas(2).withObservedGeneration(1L)
                .endStatus().editSpec().withReplicas(50).endSpec().build());
        Deployment afterStatus = resource.get();
        assertThat(afterStatus.getSpec().getReplicas()).as("a /status write keeps the spec").isEqualTo(2);
        assertThat(afterStatus.getStatus().getReadyReplicas()).isEqualTo(2);

        resource.edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(3).endSpec().withNewStatus()
                .withReadyReplicas(99).endStatus().build());
        Deployment afterSpec = resource.get();
        assertThat(afterSpec.getSpec().getReplicas()).isEqualTo(3);
        assertThat(afterSpec.getStatus().getReadyReplicas()).as("a main-resource write keeps the status").isEqualTo(2);
    }

    @Test
    void aStaleResourceVersionIsAConflict() {
        Deployment d = newDeployment("stale");
        var resource = client.apps().deployments().inNamespace("default").withName("stale");
        resource.edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(4).endSpec().build());
        d.getSpec().setReplicas(7);
        assertThatThrownBy(() -> client.resource(d).update()).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                });
        assertThat(resource.get().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void dryRunValidatesAndAnswersButChangesNothing() throws Exception {
        newDeployment("dry");
        var resource = client.apps().deployments().inNamespace("default").withName("dry");
        String before = resource.get().getMetadata().getResourceVersion();
        Deployment answer = resource.dryRun().edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(9).endSpec()
                .build());
        assertThat(answer.getSpec().getReplicas()).isEqualTo(9);
        resource.dryRun().delete();
        Deployment stored = resource.get();
        assertThat(stored.getSpec().getReplicas()).isEqualTo(2);
        assertThat(stored.getMetadata().getResourceVersion()).isEqualTo(before);

        Deployment created = client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("dry-new").endMetadata().withNewSpec().withNewSelector()
                .addToMatchLabels("app", "x").endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "x")
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("i:1").endContainer()
                .endSpec().endTemplate().endSpec().build()).dryRun().create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(client.apps().deployments().inNamespace("default").withName("dry-new").get()).isNull();

        HttpResponse<String> invalid = http("POST", "/apis/apps/v1/namespaces/default/deployments?dryRun=All",
                "application/json", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{}}");
        assertThat(invalid.statusCode()).isEqualTo(422);
    }

    @Test
    void strategicMergeMergesContainersByNameAndMergePatchDeletesWithNull() {
        newDeployment("smp");
        var resource = client.apps().deployments().inNamespace("default").withName("smp");
        resource.patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}}}");
        var containers = resource.get().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(c -> c.getName() + "=" + c.getImage())
                .containsExactly("web=nginx:1.27", "sidecar=envoy:1.30");

        resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}");
        resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"a\":null}}}");
        assertThat(resource.get().getMetadata().getLabels()).containsOnlyKeys("b");

        resource.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]");
        assertThat(resource.get().getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void theScaleSubresourceReadsAndWritesReplicas() throws Exception {
        newDeployment("scaled");
        HttpResponse<String> scale = http("GET", "/apis/apps/v1/namespaces/default/deployments/scaled/scale", null,
                null);
        assertThat(scale.statusCode()).isEqualTo(200);
        assertThat(scale.body()).contains("\"kind\":\"Scale\"", "\"replicas\":2", "\"selector\":\"app=scaled\"");
        HttpResponse<String> patched = http("PATCH", "/apis/apps/v1/namespaces/default/deployments/scaled/scale",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":6}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(client.apps().deployments().inNamespace("default").withName("scaled").get().getSpec()
                .getReplicas()).isEqualTo(6);
    }

    @Test
    void selectorsWorkOnFieldsTheStoreDoesNotIndex() {
        for (String name : new String[] {"alpha", "beta"}) {
            client.v1().events().inNamespace("default").resource(new EventBuilder().withNewMetadata()
                    .withName(name + ".event").endMetadata().withInvolvedObject(new ObjectReferenceBuilder()
                            .withKind("Deployment").withName(name).withNamespace("default").build())
                    .withReason("ScalingReplicaSet").withType("Normal").build()).create();
        }
        assertThat(client.v1().events().inNamespace("default").withField("involvedObject.name", "beta").list()
                .getItems()).extracting(e -> e.getMetadata().getName()).containsExactly("beta.event");
        for (String track : new String[] {"stable", "canary", "baseline"}) {
            client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("cm-" + track).addToLabels("coalmine.dev/track", track).endMetadata().build()).create();
        }
        assertThat(client.configMaps().inNamespace("default").withLabelIn("coalmine.dev/track", "canary", "baseline")
                .list().getItems()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("cm-canary", "cm-baseline");
        assertThat(client.configMaps().inNamespace("default").withLabelNotIn("coalmine.dev/track", "canary")
                .withLabel("coalmine.dev/track").list().getItems()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("cm-stable", "cm-baseline");
    }

    @Test
    void watchesSeeOnlySelectedObjectsAndNoReplayOfWhatWasListed() {
        List<String> seen = new CopyOnWriteArrayList<>();
        var pods = client.pods().inNamespace("default");
        pods.resource(pod("w-old", "w")).create();
        String listed = pods.withLabel("app", "w").list().getMetadata().getResourceVersion();
        try (Watch watch = pods.withLabel("app", "w").withResourceVersion(listed).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Pod pod) {
                seen.add(action + " " + pod.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            pods.resource(pod("w-other", "other")).create();
            pods.resource(pod("w-new", "w")).create();
            pods.withName("w-new").delete();
            Await.until("the watch saw w-new come and go", Duration.ofSeconds(30), () -> seen.size() >= 2);
        }
        assertThat(seen).containsExactly("ADDED w-new", "DELETED w-new");
    }

    private static io.fabric8.kubernetes.api.model.Pod pod(String name, String app) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("app", app).endMetadata().withNewSpec()
                .addNewContainer().withName("c").withImage("i:1").endContainer().endSpec().build();
    }

    @Test
    void deletingAnOwnerDeletesItsDependents() {
        Deployment owner = newDeployment("owner");
        client.apps().replicaSets().inNamespace("default").resource(new ReplicaSetBuilder().withNewMetadata()
                .withName("owner-abc").addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment")
                .withName("owner").withUid(owner.getMetadata().getUid()).withController(true).endOwnerReference()
                .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "owner").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "owner").endMetadata().withNewSpec()
                .addNewContainer().withName("c").withImage("i:1").endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
        client.apps().deployments().inNamespace("default").withName("owner").delete();
        assertThat(client.apps().replicaSets().inNamespace("default").withName("owner-abc").get()).isNull();
    }

    @Test
    void objectsCannotBeCreatedInAMissingNamespace() {
        assertThatThrownBy(() -> client.configMaps().inNamespace("nowhere").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("x").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void accessReviewsFollowTheDemoRbacConfigMap() {
        assertThat(review("create", "apps", "deployments", "shop").getStatus().getAllowed()).isTrue();
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata()
                .addToData("deny", "# no canaries in shop\ncreate deployments.apps shop\npatch * kube-system\n")
                .build()).create();
        try {
            SelfSubjectAccessReview denied = review("create", "apps", "deployments", "shop");
            assertThat(denied.getStatus().getAllowed()).isFalse();
            assertThat(denied.getStatus().getDenied()).isTrue();
            assertThat(denied.getStatus().getReason()).contains("create deployments.apps shop");
            assertThat(review("create", "apps", "deployments", "default").getStatus().getAllowed()).isTrue();
            assertThat(review("get", "apps", "deployments", "shop").getStatus().getAllowed()).isTrue();
            assertThat(review("patch", "", "configmaps", "kube-system").getStatus().getAllowed()).isFalse();
        } finally {
            client.configMaps().inNamespace("coalmine-demo").withName("demo-rbac").delete();
        }
    }

    @Test
    void rulesReviewsListWhatTheAccessReviewsAllow() {
        SubjectRulesReviewStatus open = rules("shop");
        assertThat(open.getIncomplete()).isFalse();
        assertThat(open.getResourceRules()).singleElement().satisfies(r -> {
            assertThat(r.getVerbs()).containsExactly("*");
            assertThat(r.getApiGroups()).containsExactly("*");
            assertThat(r.getResources()).containsExactly("*");
        });
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata()
                .addToData("deny", "create deployments.apps shop\ndelete * shop\npatch * kube-system\n")
                .build()).create();
        try {
            List<ResourceRule> shop = rules("shop").getResourceRules();
            assertThat(verbsOf(shop, "apps", "deployments")).contains("get", "list", "watch", "update")
                    .doesNotContain("create", "delete", "*");
            assertThat(verbsOf(shop, "", "configmaps")).contains("create", "get").doesNotContain("delete");
            assertThat(verbsOf(shop, "coordination.k8s.io", "leases")).contains("create", "update", "get");
            for (String verb : List.of("create", "delete", "get", "update")) {
                assertThat(verbsOf(shop, "apps", "deployments").contains(verb))
                        .as(verb + " deployments.apps in shop")
                        .isEqualTo(review(verb, "apps", "deployments", "shop").getStatus().getAllowed());
            }
            assertThat(rules("default").getResourceRules()).singleElement()
                    .satisfies(r -> assertThat(r.getVerbs()).containsExactly("*"));
        } finally {
            client.configMaps().inNamespace("coalmine-demo").withName("demo-rbac").delete();
        }
    }

    private static SubjectRulesReviewStatus rules(String namespace) {
        return client.authorization().v1().selfSubjectRulesReview().create(new SelfSubjectRulesReviewBuilder()
                .withNewSpec().withNamespace(namespace).endSpec().build()).getStatus();
    }

    private static List<String> verbsOf(List<ResourceRule> rules, String group, String resource) {
        return rules.stream().filter(r -> r.getApiGroups().contains(group) && r.getResources().contains(resource))
                .flatMap(r -> r.getVerbs().stream()).toList();
    }

    private static SelfSubjectAccessReview review(String verb, String group, String resource, String namespace) {
        return client.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes().withVerb(verb).withGroup(group).withResource(resource)
                .withNamespace(namespace).endResourceAttributes().endSpec().build());
    }

    @Test
    void discoveryAndVersionAreServed() throws Exception {
        assertThat(http("GET", "/version", null, null).body()).contains("\"major\":\"1\"");
        assertThat(http("GET", "/apis", null, null).body()).contains("\"apps\"", "coordination.k8s.io",
                "authorization.k8s.io", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1", "events.k8s.io/v1");
        assertThat(http("GET", "/apis/apps/v1", null, null).body()).contains("\"deployments/scale\"",
                "\"deployments/status\"");
        assertThat(client.supports(io.fabric8.kubernetes.api.model.coordination.v1.Lease.class)).isTrue();
        assertThat(http("GET", "/apis/nothing.example.com/v1", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void informersSeeEachChangeOnce() {
        List<String> seen = new CopyOnWriteArrayList<>();
        var informer = client.apps().deployments().inNamespace("default").withLabel("informed", "yes")
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Deployment d) {
                        seen.add("add " + d.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(Deployment before, Deployment after) {
                        seen.add("update " + after.getSpec().getReplicas());
                    }

                    @Override
                    public void onDelete(Deployment d, boolean unknownFinalState) {
                        seen.add("delete " + d.getMetadata().getName());
                    }
                });
        try {
            Deployment d = newDeployment("informed");
            client.resource(new DeploymentBuilder(d).editMetadata().addToLabels("informed", "yes").endMetadata()
                    .build()).update();
            client.apps().deployments().inNamespace("default").withName("informed").scale(4);
            client.apps().deployments().inNamespace("default").withName("informed").delete();
            Await.until("the informer saw the delete", Duration.ofSeconds(30), () -> seen.contains("delete informed"));
            assertThat(seen).containsExactly("add informed", "update 4", "delete informed");
        } finally {
            informer.close();
        }
    }

    @Test
    void leaderElectionWithALeaseWorks() throws Exception {
        java.util.concurrent.CountDownLatch leading = new java.util.concurrent.CountDownLatch(1);
        LeaderElectionConfig config = new LeaderElectionConfigBuilder().withName("coalmine-engine")
                .withLeaseDuration(Duration.ofSeconds(15)).withRenewDeadline(Duration.ofSeconds(10))
                .withRetryPeriod(Duration.ofSeconds(1))
                .withLock(new LeaseLock("default", "coalmine-engine", "console-1"))
                .withLeaderCallbacks(new LeaderCallbacks(leading::countDown, () -> { }, leader -> { }))
                .withReleaseOnCancel(true).build();
        var election = client.leaderElector().withConfig(config).build().start();
        try {
            assertThat(leading.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(client.leases().inNamespace("default").withName("coalmine-engine").get().getSpec()
                    .getHolderIdentity()).isEqualTo("console-1");
        } finally {
            election.cancel(true);
        }
    }
}
