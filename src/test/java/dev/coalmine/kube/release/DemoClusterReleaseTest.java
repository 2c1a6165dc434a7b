package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release engine on the demo cluster (simulated controllers, dry run, RBAC rules), checked with real kubectl. */
class DemoClusterReleaseTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "default";
    private static final String APP = "shop-frontend";

    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponent(new ClusterSimulation(SimulationSettings.fast())));
    private final KubernetesClient client = cluster.client();
    private final ReleaseService service = new ReleaseService(client,
            ReleaseSettings.defaults("demo-test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)));

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static ReleasePlan plan(String image) {
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("frontend=" + image)), CanarySize.percent(25),
                true);
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        return new DemoKubectl(cluster, dir, NS).run(args);
    }

    @Test
    void fullCycleWithDryRunCheckedWithKubectl() throws Exception {
        ReleaseState started = service.start(plan("registry.example.com/shop/frontend:1.4.0"), false);
        assertThat(started.log()).extracting(l -> l.message()).anyMatch(m -> m.startsWith("server-side dry run passed"));
        assertThat(deployment(APP + "-canary")).as("the dry run changed nothing").isNull();

        ReleaseState waiting = service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(kubectl("get", "deploy", "-l", "coalmine.dev/track=canary", "-o", "name"))
                .isEqualTo("deployment.apps/shop-frontend-canary\n");
        assertThat(kubectl("get", "deploy", "-l", "coalmine.dev/track=baseline", "-o", "name"))
                .isEqualTo("deployment.apps/shop-frontend-baseline\n");
        assertThat(kubectl("rollout", "status", "deployment/shop-frontend-canary", "--timeout=60s"))
                .contains("successfully rolled out");
        assertThat(kubectl("get", "pods", "-l", "coalmine.dev/track=canary", "-o", "name").lines()).hasSize(1);
        assertThat(kubectl("get", "pods", "-l", "app=shop-frontend", "-o", "name").lines())
                .as("the Service's selector finds stable, baseline and canary pods").hasSize(6);

        service.promote(NS, APP, "ana");
        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(kubectl("rollout", "status", "deployment/" + APP, "--timeout=60s")).contains("successfully rolled out");
        assertThat(kubectl("get", "deploy", APP, "-o", "jsonpath={.spec.template.spec.containers[0].image}"))
                .isEqualTo("registry.example.com/shop/frontend:1.4.0");
        assertThat(kubectl("get", "deploy", "-l", "app.kubernetes.io/managed-by=coalmine", "-o", "name")).isEmpty();
        assertThat(kubectl("get", "events", "-o", "jsonpath={.items[*].reportingComponent}")).contains("coalmine");
    }

    @Test
    void editsMadeWithKubectlWhileAwaitingJudgmentSurvivePromotion() throws Exception {
        service.start(plan("registry.example.com/shop/frontend:1.4.0"), false);
        service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        kubectl("set", "env", "deployment/" + APP, "-c", "frontend", "HOTFIX=on");
        kubectl("set", "resources", "deployment/" + APP, "-c", "frontend", "--limits=memory=384Mi");

        service.promote(NS, APP, "ana");
        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        String frontend = "{.spec.template.spec.containers[?(@.name==\"frontend\")]";
        assertThat(kubectl("get", "deploy", APP, "-o", "jsonpath=" + frontend + ".image}"))
                .isEqualTo("registry.example.com/shop/frontend:1.4.0");
        assertThat(kubectl("get", "deploy", APP, "-o", "jsonpath=" + frontend + ".env[?(@.name==\"HOTFIX\")].value}"))
                .isEqualTo("on");
        assertThat(kubectl("get", "deploy", APP, "-o", "jsonpath=" + frontend + ".resources.limits.memory}"))
                .isEqualTo("384Mi");
    }

    @Test
    void manifestReleaseKilledWhilePromotingIsFinishedByAnotherProcess() {
        Deployment live = deployment(APP);
        Deployment next = new DeploymentBuilder()
                .withNewMetadata().withName(APP).endMetadata().withSpec(live.getSpec()).build();
        next.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example.com/shop/frontend:1.5.0");
        // The Deployment uses the Secret, so the release carries it (a manifest's unused documents are left alone).
        next.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().add(new EnvFromSourceBuilder()
                .withNewSecretRef().withName("shop-frontend-keys").endSecretRef().build());
        String manifest = client.getKubernetesSerialization().asYaml(new ConfigMapBuilder().withNewMetadata()
                .withName("shop-frontend-config").endMetadata().addToData("API_URL", "http://shop-api:8080")
                .addToData("FEATURE_RECOMMENDATIONS", "true").addToData("LOG_LEVEL", "debug").build())
                + client.getKubernetesSerialization().asYaml(new SecretBuilder().withNewMetadata()
                .withName("shop-frontend-keys").endMetadata().addToStringData("PAYMENT_KEY", "pk-live-7Hq2x").build())
                + client.getKubernetesSerialization().asYaml(next);
        ReleasePlan plan = new ReleasePlan(NS, APP, List.of(), manifest, CanarySize.count(1), false,
                JudgeSpec.manual(), null);
        AtomicBoolean killed = new AtomicBoolean();
        ReleaseService doomed = new ReleaseService(client, ReleaseSettings.defaults("doomed")
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(100)).withHook((action, state) -> {
                    if (action instanceof ReleaseAction.RollStable && killed.compareAndSet(false, true)) {
                        throw new IllegalStateException("killed");
                    }
                }));

        doomed.start(plan, false);
        doomed.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(client.configMaps().inNamespace(NS).withName("shop-frontend-config-1").get().getData())
                .containsEntry("LOG_LEVEL", "debug");
        assertThat(client.configMaps().inNamespace(NS).withName("shop-frontend-config").get().getData())
                .containsEntry("LOG_LEVEL", "info");
        assertThat(deployment(APP + "-canary").getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()
                .get(0).getConfigMapRef().getName()).isEqualTo("shop-frontend-config-1");
        doomed.promote(NS, APP, "ana");
        assertThatThrownBy(() -> doomed.drive(NS, APP, s -> false, WAIT, s -> { })).hasMessage("killed");
        assertThat(service.status(NS, APP).phaseLabel()).isEqualTo("Promoting");
        assertThat(client.configMaps().inNamespace(NS).withName("coalmine-release-" + APP).get().getData().toString())
                .doesNotContain("pk-live-7Hq2x").doesNotContain("cGstbGl2ZS03SHEyeA==");

        ReleaseState done = service.drive(NS, APP, s -> false, WAIT, s -> { });
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(client.configMaps().inNamespace(NS).withName("shop-frontend-config").get().getData())
                .containsEntry("LOG_LEVEL", "debug");
        assertThat(client.configMaps().inNamespace(NS).withName("shop-frontend-config-1").get()).isNull();
        assertThat(client.secrets().inNamespace(NS).withName("shop-frontend-keys").get().getData())
                .containsEntry("PAYMENT_KEY", "cGstbGl2ZS03SHEyeA==");
        assertThat(client.secrets().inNamespace(NS).withLabel(ReleaseNames.CONFIG_OF, APP).list().getItems())
                .as("versioned copies and the Secret holding the release's Secret data are gone").isEmpty();
        assertThat(deployment(APP).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/frontend:1.5.0");
        assertThat(deployment(APP + "-canary")).isNull();
    }

    @Test
    void aMissingImageFailsAndLeavesNothing() {
        service.start(plan("registry.example.com/shop/frontend:does-not-exist"), false);
        ReleaseState done = service.drive(NS, APP, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).containsAnyOf("ErrImagePull", "ImagePullBackOff");
        assertThat(deployment(APP + "-canary")).isNull();
        assertThat(deployment(APP + "-baseline")).isNull();
    }

    @Test
    void rbacDenialFromTheDemoRules() {
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").withNamespace("coalmine-demo").endMetadata()
                .addToData("deny", "create deployments.apps\ncreate events\n").build()).create();
        assertThatThrownBy(() -> service.start(plan("registry.example.com/shop/frontend:1.4.0"), false))
                .isInstanceOf(CoalmineException.class)
                .hasMessageContaining("cannot create deployments.apps, cannot create events");
        assertThat(service.history(NS, APP)).isEmpty();
    }
}
