package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.testing.AgentClient;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Releases of the shapes real manifests carry, on the demo cluster: a stable an autoscaler scales, init containers,
 * several containers of which one changes, the Recreate strategy with minReadySeconds. Each release goes through
 * canary, promotion and wrap-up, and the Prepare lines say what the shape means for it.
 */
class WorkloadShapesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "default";

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient client = cluster.client();
    private final ReleaseService service = new ReleaseService(client,
            ReleaseSettings.defaults("shapes-test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anAutoscaledStableKeepsTheReplicasItsAutoscalerSetDuringTheRelease() {
        create("hpa-web", 4, d -> d);
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("hpa-web").endMetadata()
                .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("hpa-web")
                .endScaleTargetRef().withMinReplicas(2).withMaxReplicas(8).endSpec().build()).create();

        assertThat(service.plan(plan("hpa-web", "app=shop/web:2", CanarySize.percent(25))).notes())
                .as("said before the start").anyMatch(l -> l.contains("HorizontalPodAutoscaler hpa-web (2\u20138 replicas)"));
        ReleaseState started = service.start(plan("hpa-web", "app=shop/web:2", CanarySize.percent(25)), false);
        assertThat(lines(started)).anyMatch(l -> l.contains("HorizontalPodAutoscaler hpa-web (2\u20138 replicas)")
                && l.contains("the autoscaler keeps owning stable's replicas")
                && l.endsWith("its metrics also average the canary's and baseline's pods, which carry stable's labels"));
        awaitDecision("hpa-web");
        // The autoscaler scales stable while the release waits for its decision.
        client.apps().deployments().inNamespace(NS).withName("hpa-web").scale(6);

        promote("hpa-web");

        Deployment stable = deployment("hpa-web");
        assertThat(stable.getSpec().getReplicas()).as("promotion changed the template only").isEqualTo(6);
        assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/web:2");
    }

    @Test
    void anAutoscalerListTheOperatorMayNotReadIsSaidAndTheReleaseGoesOn() {
        create("unlisted-web", 2, d -> d);
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata().addToData("deny", "list horizontalpodautoscalers.autoscaling " + NS)
                .build()).create();

        ReleaseState started;
        // The demo's RBAC rules refuse API clients, not the demo's own client.
        try (KubernetesClient operator = AgentClient.of(cluster.clientConfig(), "operator")) {
            started = new ReleaseService(operator, ReleaseSettings.defaults("shapes-test")).start(
                    plan("unlisted-web", "app=shop/web:2", CanarySize.count(1)), false);
        }

        assertThat(lines(started)).contains("could not check whether an autoscaler scales unlisted-web (HTTP 403); if "
                + "one does, it keeps owning stable's replicas");
        awaitDecision("unlisted-web");
    }

    @Test
    void initContainersRunInTheCanaryAndStayInStable() {
        create("migrating-web", 2, WorkloadShapesTest::withMigration);

        assertThat(service.plan(plan("migrating-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .as("an init container left out keeps the old version's image, said before the start")
                .contains("changes container(s) app; init container migrate keeps shop/migrate:1");
        service.start(plan("migrating-web", "app=shop/web:2", CanarySize.count(1)), false);
        awaitDecision("migrating-web");
        assertThat(deployment("migrating-web-canary").getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getName).containsExactly("migrate");
        promote("migrating-web");

        assertThat(deployment("migrating-web").getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getImage).containsExactly("shop/migrate:1");
    }

    @Test
    void anInitContainerNamedInTheImagesRunsItsNewImageInTheCanaryAndInStableAfterPromotion() {
        create("migrated-web", 2, WorkloadShapesTest::withMigration);
        ReleasePlan both = ReleasePlan.ofImages(NS, "migrated-web", List.of(ImageChange.parse("app=shop/web:2"),
                ImageChange.parse("migrate=shop/migrate:2")), CanarySize.count(1), true);

        assertThatThrownBy(() -> service.plan(plan("migrated-web", "migrat=shop/migrate:2", CanarySize.count(1))))
                .hasMessage("migrated-web has no container named migrat; its containers are app; its init containers "
                        + "migrate");
        service.start(both, false);
        awaitDecision("migrated-web");
        assertThat(deployment("migrated-web-canary").getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getImage).containsExactly("shop/migrate:2");
        assertThat(deployment("migrated-web-baseline").getSpec().getTemplate().getSpec().getInitContainers())
                .as("the baseline runs the old version, its migration included")
                .extracting(Container::getImage).containsExactly("shop/migrate:1");
        promote("migrated-web");

        assertThat(deployment("migrated-web").getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getImage).containsExactly("shop/migrate:2");
    }

    @Test
    void aCanaryWhoseInitContainerCannotBePulledFailsAndIsRemoved() {
        create("unpulled-web", 1, WorkloadShapesTest::withMigration);

        service.start(ReleasePlan.ofImages(NS, "unpulled-web", List.of(ImageChange.parse("app=shop/web:2"),
                ImageChange.parse("migrate=shop/migrate:does-not-exist")), CanarySize.count(1), true), false);
        ReleaseState failed = service.drive(NS, "unpulled-web", s -> false, WAIT, s -> { });

        assertThat(failed.phase()).as(() -> String.join("\n", lines(failed))).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(lines(failed)).anyMatch(l -> l.contains("shop/migrate:does-not-exist"));
        assertThat(deployment("unpulled-web-canary")).isNull();
        assertThat(deployment("unpulled-web").getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getImage).containsExactly("shop/migrate:1");
    }

    @Test
    void canaryAndBaselineWearNoLabelADeployToolPrunesByAndStableKeepsItsOwn() {
        Map<String, String> helmAndGitOps = Map.of("app.kubernetes.io/instance", "payments", "helm.sh/chart",
                "payments-1.4.2", "app.kubernetes.io/managed-by", "Helm", "kustomize.toolkit.fluxcd.io/name", "apps",
                "team", "payments");
        create("charted-web", 2, d -> d.editMetadata().addToLabels(helmAndGitOps).endMetadata().editSpec().editTemplate()
                .editMetadata().addToLabels("app.kubernetes.io/instance", "payments").endMetadata().endTemplate().endSpec());

        assertThat(service.plan(plan("charted-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .contains("stable is applied by Flux Kustomization apps: promotion changes the live Deployment only; "
                        + "commit the new image to its Git source, or Flux's next reconciliation puts the old one back");
        service.start(plan("charted-web", "app=shop/web:2", CanarySize.count(1)), false);
        awaitDecision("charted-web");

        for (String track : List.of("charted-web-canary", "charted-web-baseline")) {
            Deployment made = deployment(track);
            assertThat(made.getMetadata().getLabels()).as(track + ": Argo CD, Helm and Flux would take it for theirs")
                    .doesNotContainKeys("app.kubernetes.io/instance", "helm.sh/chart", "kustomize.toolkit.fluxcd.io/name")
                    .containsEntry("team", "payments").containsEntry("app", "charted-web")
                    .containsEntry("app.kubernetes.io/managed-by", "coalmine");
            assertThat(made.getSpec().getTemplate().getMetadata().getLabels()).as("its pods, which the Service selects")
                    .containsEntry("app.kubernetes.io/instance", "payments");
        }
        promote("charted-web");
        assertThat(deployment("charted-web").getMetadata().getLabels()).containsAllEntriesOf(helmAndGitOps);
    }

    @Test
    void aStableFromArgoCdOrHelmIsSaidToNeedTheNewImageInItsSourceBeforeTheStart() {
        create("synced-web", 1, d -> d.editMetadata().addToAnnotations("argocd.argoproj.io/tracking-id",
                "shop:apps/Deployment:default/synced-web").endMetadata());
        create("helmed-web", 1, d -> d.editMetadata().addToAnnotations("meta.helm.sh/release-name", "web")
                .addToLabels("app.kubernetes.io/managed-by", "Helm").endMetadata());

        assertThat(service.plan(plan("synced-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .contains("stable is synced by Argo CD application shop: promotion changes the live Deployment only; "
                        + "commit the new image to its Git source, or Argo CD's next sync (at once with self-heal) "
                        + "puts the old one back");
        assertThat(service.plan(plan("helmed-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .contains("stable belongs to Helm release web: promotion changes the live Deployment only; set the new "
                        + "image in the chart's values, or the next helm upgrade puts the old one back");
        create("applied-web", 1, d -> d.editMetadata().addToAnnotations(
                "kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"Deployment\"}").endMetadata());
        assertThat(service.plan(plan("applied-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .contains("stable was last applied with kubectl apply: promotion changes the live Deployment only; put "
                        + "the new image in that manifest, or its next kubectl apply puts the old one back");
        create("plain-web", 1, d -> d);
        assertThat(service.plan(plan("plain-web", "app=shop/web:2", CanarySize.count(1))).notes())
                .as("no deploy tool named").noneMatch(n -> n.contains("promotion changes the live Deployment only"));
    }

    @Test
    void withSeveralContainersOnlyTheNamedOneChanges() {
        create("shipped-web", 2, d -> d.editSpec().editTemplate().editSpec().addToContainers(new ContainerBuilder()
                .withName("log-shipper").withImage("shop/log-shipper:7").build()).endSpec().endTemplate().endSpec());

        ReleaseState started = service.start(plan("shipped-web", "app=shop/web:2", CanarySize.count(1)), false);
        assertThat(lines(started)).contains("changes container(s) app; log-shipper stays as it is");
        awaitDecision("shipped-web");
        assertThat(images(deployment("shipped-web-canary"))).isEqualTo(Map.of("app", "shop/web:2",
                "log-shipper", "shop/log-shipper:7"));
        promote("shipped-web");

        assertThat(images(deployment("shipped-web"))).isEqualTo(Map.of("app", "shop/web:2",
                "log-shipper", "shop/log-shipper:7"));
    }

    @Test
    void anImageWithoutAContainerNameIsRefusedWithTheContainerThatRunsThatImage() {
        create("shipped-api", 1, d -> d.editSpec().editTemplate().editSpec().addToContainers(new ContainerBuilder()
                .withName("log-shipper").withImage("shop/log-shipper:7").build()).endSpec().endTemplate().endSpec());

        assertThatThrownBy(() -> service.plan(plan("shipped-api", "shop/log-shipper:8", CanarySize.count(1))))
                .hasMessage("shipped-api has containers app, log-shipper: say which one gets the image, e.g. "
                        + "--image log-shipper=shop/log-shipper:8");
    }

    @Test
    void aRecreateStableWithMinReadySecondsIsReleasedAndSaysWhatPromotionMeans() {
        create("recreated-web", 2, d -> d.editSpec().withMinReadySeconds(1).withProgressDeadlineSeconds(120)
                .withNewStrategy().withType("Recreate").endStrategy().endSpec());

        List<String> planned = service.plan(plan("recreated-web", "app=shop/web:2", CanarySize.count(1))).notes();
        ReleaseState started = service.start(plan("recreated-web", "app=shop/web:2", CanarySize.count(1)), false);
        assertThat(lines(started)).anyMatch(l -> l.startsWith("stable uses the Recreate strategy"))
                .anyMatch(l -> l.startsWith("stable has minReadySeconds 1"))
                .anyMatch(l -> l.contains("makes no progress for 2m") && l.contains("fails the release"))
                .as("the plan says before the start what the start then logs").containsAll(planned);
        assertThat(planned).hasSize(3);
        awaitDecision("recreated-web");
        assertThat(service.status(NS, "recreated-web").stable().recreate()).as("what Promote's confirmation says").isTrue();
        assertThat(TrackStatus.of(deployment("recreated-web")).recreate()).as("as the rollout view reads it").isTrue();
        assertThat(TrackStatus.of(deployment("recreated-web-canary")).recreate()).isTrue();
        ReleaseState promoted = promote("recreated-web");

        assertThat(lines(promoted)).anyMatch(l -> l.startsWith("recreating recreated-web (its Recreate strategy replaces "
                + "all pods at once): "));

        assertThat(deployment("recreated-web").getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    private void create(String name, int replicas, UnaryOperator<DeploymentBuilder> shape) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withNamespace(NS).withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop/web:1")
                .withNewResources().addToRequests("cpu", new Quantity("100m")).endResources().endContainer().endSpec()
                .endTemplate().endSpec();
        client.apps().deployments().inNamespace(NS).resource(shape.apply(builder).build()).create();
        client.apps().deployments().inNamespace(NS).withName(name).waitUntilCondition(d -> d.getStatus() != null
                && d.getStatus().getAvailableReplicas() != null && d.getStatus().getAvailableReplicas() == replicas,
                WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** An init container "migrate" running shop/migrate:1. */
    private static DeploymentBuilder withMigration(DeploymentBuilder d) {
        return d.editSpec().editTemplate().editSpec().addNewInitContainer().withName("migrate").withImage("shop/migrate:1")
                .endInitContainer().endSpec().endTemplate().endSpec();
    }

    private static ReleasePlan plan(String name, String image, CanarySize size) {
        return ReleasePlan.ofImages(NS, name, List.of(ImageChange.parse(image)), size, true);
    }

    private void awaitDecision(String name) {
        ReleaseState state = service.drive(NS, name, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(state.phase()).as(() -> String.join("\n", lines(state))).isEqualTo(new ReleasePhase.AwaitingJudgment());
    }

    private ReleaseState promote(String name) {
        service.promote(NS, name, "ana");
        ReleaseState done = service.drive(NS, name, s -> false, WAIT, s -> { });
        assertThat(done.phase()).as(() -> String.join("\n", lines(done))).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(deployment(name + "-canary")).isNull();
        assertThat(deployment(name + "-baseline")).isNull();
        return done;
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static Map<String, String> images(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .collect(Collectors.toMap(Container::getName, Container::getImage));
    }

    private static List<String> lines(ReleaseState state) {
        return state.log().stream().map(StepLogEntry::message).toList();
    }
}
