package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.kube.engines.EngineApis;
import dev.coalmine.testing.AgentClient;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rendered Rollout, AnalysisTemplate, Canary and MetricTemplates pass the demo API server's validation against
 * the projects' CRD schemas (the wizard's review and {@code canary start} dry-run every one of them, with
 * {@code fieldValidation=Strict}), and the review writes nothing.
 */
class HandOffReviewTest {
    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults());
    private final HandOffService handOff = new HandOffService(cluster.client());

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theArgoObjectsPassTheServersSchemaValidationAndNothingIsWritten() {
        HandOffService.Review review = handOff.review(plan("shop-api", "api=registry.example.com/shop/api:2.8.0"),
                Engine.ARGO_ROLLOUTS);

        assertThat(review.yaml()).contains("kind: \"AnalysisTemplate\"", "kind: \"Rollout\"");
        assertThat(review.dryRunProblems()).isEmpty();
        assertThat(review.rbacProblems()).isEmpty();
        assertThat(cluster.client().genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace("default").list()
                .getItems()).isEmpty();
    }

    @Test
    void theFlaggerObjectsPassTheServersSchemaValidationAndNothingIsWritten() {
        HandOffService.Review review;
        // The demo's RBAC rules refuse API clients, not the demo's own client.
        try (KubernetesClient operator = AgentClient.of(cluster.clientConfig(), "operator")) {
            review = new HandOffService(operator).review(plan("shop-frontend",
                    "frontend=registry.example.com/shop/frontend:1.4.0"), Engine.FLAGGER);
        }

        assertThat(review.yaml()).contains("kind: \"MetricTemplate\"", "kind: \"Canary\"");
        assertThat(review.dryRunProblems()).isEmpty();
        assertThat(review.rbacProblems()).isEmpty();
        assertThat(cluster.client().genericKubernetesResources(EngineApis.CANARIES).inNamespace("default").list()
                .getItems()).isEmpty();
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("shop-frontend").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .as("the image change was only dry-run").isNotEqualTo("registry.example.com/shop/frontend:1.4.0");
    }

    @Test
    void anAutoscaledDeploymentIsHandedToFlaggersAutoscalerRefAndArgosReviewSaysWhatToRetarget() {
        cluster.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace("default").resource(
                new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("shop-frontend-hpa").endMetadata()
                        .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                        .withName("shop-frontend").endScaleTargetRef().withMinReplicas(2).withMaxReplicas(8).endSpec()
                        .build()).create();
        ReleasePlan frontend = plan("shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.0");

        HandOffService.Review flagger = handOff.review(frontend, Engine.FLAGGER);
        assertThat(flagger.yaml()).contains("autoscalerRef:\n    apiVersion: \"autoscaling/v2\"\n"
                + "    kind: \"HorizontalPodAutoscaler\"\n    name: \"shop-frontend-hpa\"");
        assertThat(flagger.dryRunProblems()).as("the Canary's schema takes it").isEmpty();
        assertThat(flagger.notes()).singleElement().asString().startsWith("HorizontalPodAutoscaler shop-frontend-hpa "
                + "scales shop-frontend: Flagger takes it over (autoscalerRef) and makes shop-frontend-hpa-primary");

        HandOffService.Review argo = handOff.review(frontend, Engine.ARGO_ROLLOUTS);
        assertThat(argo.yaml()).doesNotContain("autoscalerRef", "shop-frontend-hpa");
        assertThat(argo.notes()).singleElement().asString().contains("Argo Rollouts scales to 0 once the Rollout is "
                + "healthy", "point its scaleTargetRef at the Rollout (apiVersion argoproj.io/v1alpha1, kind Rollout, "
                + "name shop-frontend)");
        assertThat(cluster.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace("default")
                .withName("shop-frontend-hpa").get().getSpec().getScaleTargetRef().getKind())
                .as("not Coalmine's to change").isEqualTo("Deployment");
        assertThat(handOff.review(plan("shop-api", "api=registry.example.com/shop/api:2.8.0"), Engine.FLAGGER).notes())
                .as("shop-api has no autoscaler").isEmpty();
    }

    @Test
    void anInitContainersNewImageIsAcceptedAsTheCoalmineEngineAcceptsIt() {
        cluster.client().apps().deployments().inNamespace("default").withName("shop-api").edit(d -> new DeploymentBuilder(d)
                .editSpec().editTemplate().editSpec().addNewInitContainer().withName("migrate")
                .withImage("registry.example.com/shop/api-migrate:2.7.0").endInitContainer().endSpec().endTemplate()
                .endSpec().build());
        ReleasePlan withMigration = ReleasePlan.ofImages("default", "shop-api", List.of(
                        ImageChange.parse("api=registry.example.com/shop/api:2.8.0"),
                        ImageChange.parse("migrate=registry.example.com/shop/api-migrate:2.8.0")), CanarySize.count(1), false)
                .withJudge(JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.DemoCluster())));

        assertThat(handOff.review(withMigration, Engine.ARGO_ROLLOUTS).dryRunProblems()).isEmpty();
        assertThat(handOff.review(plan("shop-api", "migrat=registry.example.com/shop/api-migrate:2.8.0"),
                Engine.FLAGGER).dryRunProblems()).containsExactly("shop-api has no container named migrat; its "
                + "containers are api; its init containers migrate");
    }

    @Test
    void anAutoscalerListTheOperatorMayNotReadIsSaidInsteadOfTakenForNone() {
        cluster.client().configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").endMetadata().addToData("deny", "list horizontalpodautoscalers.autoscaling default")
                .build()).create();

        HandOffService.Review review;
        // The demo's RBAC rules refuse API clients, not the demo's own client.
        try (KubernetesClient operator = AgentClient.of(cluster.clientConfig(), "operator")) {
            review = new HandOffService(operator).review(plan("shop-frontend",
                    "frontend=registry.example.com/shop/frontend:1.4.0"), Engine.FLAGGER);
        }

        assertThat(review.notes()).containsExactly("could not list HorizontalPodAutoscalers in default (HTTP 403): if one "
                + "scales shop-frontend, the hand-off does not account for it (Flagger's Canary would need autoscalerRef; "
                + "for Argo Rollouts, point its scaleTargetRef at the Rollout)");
        assertThat(review.dryRunProblems()).isEmpty();
    }

    @Test
    void aDeploymentFromHelmIsSaidToNeedTheNewImageInItsChartsValues() {
        cluster.client().apps().deployments().inNamespace("default").withName("shop-api").edit(d -> new DeploymentBuilder(d)
                .editMetadata().addToAnnotations("meta.helm.sh/release-name", "shop").endMetadata().build());

        assertThat(handOff.review(plan("shop-api", "api=registry.example.com/shop/api:2.8.0"), Engine.ARGO_ROLLOUTS)
                .notes()).containsExactly("stable belongs to Helm release shop: the hand-off sets the new images on the "
                + "live Deployment only; set the new image in the chart's values, or the next helm upgrade puts the old "
                + "one back");
    }

    @Test
    void aDeploymentArgoCdSyncsIsSaidToComeBackUpUnlessItsReplicasAreLeftAlone() {
        cluster.client().apps().deployments().inNamespace("default").withName("shop-api").edit(d -> new DeploymentBuilder(d)
                .editMetadata().addToAnnotations("argocd.argoproj.io/tracking-id", "shop:apps/Deployment:default/shop-api")
                .endMetadata().build());

        assertThat(handOff.review(plan("shop-api", "api=registry.example.com/shop/api:2.8.0"), Engine.ARGO_ROLLOUTS)
                .notes()).containsExactly("stable is synced by Argo CD application shop: the hand-off sets the new "
                + "images on the live Deployment only; commit the new image to its Git source, or Argo CD's next sync "
                + "(at once with self-heal) puts the old one back", "Argo Rollouts scales Deployment shop-api to 0 once "
                + "the Rollout is healthy, and Argo CD's sync puts its replicas back (both versions' pods would run) "
                + "unless application shop ignores its /spec/replicas (ignoreDifferences) or its manifest in Git leaves "
                + "replicas out");
    }

    /** The check above can fail: the same dry run refuses the rendered Rollout once a step breaks the schema. */
    @Test
    void theDryRunRefusesARolloutTheSchemaForbids() {
        Map<String, Object> rollout = handOff.render(plan("shop-api", "api=registry.example.com/shop/api:2.8.0"),
                Engine.ARGO_ROLLOUTS).stream().filter(o -> "Rollout".equals(o.get("kind"))).findFirst().orElseThrow();
        GenericKubernetesResource broken = cluster.client().getKubernetesSerialization().convertValue(rollout,
                GenericKubernetesResource.class);
        broken.setAdditionalProperty("spec", Map.of("replicas", "four"));

        assertThatThrownBy(() -> new HandOffWrite(cluster.client(), broken, HandOffWrite.ROLLOUTS).dryRun())
                .isInstanceOf(CoalmineException.class).hasMessageContaining("replicas");
    }

    private static ReleasePlan plan(String deployment, String image) {
        return ReleasePlan.ofImages("default", deployment, List.of(ImageChange.parse(image)), CanarySize.count(1), false)
                .withJudge(JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.DemoCluster())));
    }
}
