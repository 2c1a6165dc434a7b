package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A release from a manifest file whose ConfigMap changed; and a primary rollout that fails and is rolled back. */
class ManifestReleaseTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config}
            data: {greeting: hi}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-static}
            data: {motd: same}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 4
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: web}}
                spec:
                  containers:
                  - name: web
                    image: shop/web:2
                    envFrom: [{configMapRef: {name: web-config}}]
                    volumeMounts: [{name: static, mountPath: /static}]
                  volumes:
                  - name: static
                    configMap: {name: web-static}
            """;

    private final MockCluster cluster = new MockCluster();
    private final ReleaseService service = new ReleaseService(cluster.client,
            ReleaseSettings.defaults("test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)));

    @BeforeEach
    void liveObjects() {
        configMap("web-config", Map.of("greeting", "hello"));
        configMap("web-static", Map.of("motd", "same"));
        cluster.client.apps().deployments().inNamespace("shop").resource(cluster.client.getKubernetesSerialization()
                .unmarshal(MANIFEST.substring(MANIFEST.indexOf("apiVersion: apps/v1")).replace("shop/web:2", "shop/web:1")
                        .replace("metadata: {name: web}", "metadata: {name: web, namespace: shop}"), Deployment.class))
                .create();
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private void configMap(String name, Map<String, String> data) {
        cluster.client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .withNamespace("shop").endMetadata().withData(data).build()).create();
    }

    private ConfigMap configMap(String name) {
        return cluster.client.configMaps().inNamespace("shop").withName(name).get();
    }

    private static ReleasePlan manifestPlan() {
        return new ReleasePlan("shop", "web", List.of(), MANIFEST, CanarySize.count(1), false, JudgeSpec.manual(), null);
    }

    @Test
    void theCanaryAloneUsesTheVersionedCopyWhichIsRemovedAtWrapUp() {
        service.start(manifestPlan(), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });

        assertThat(configMap("web-config-1").getData()).containsEntry("greeting", "hi");
        assertThat(configMap("web-config-1").getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "coalmine").containsEntry("coalmine.dev/release", "1");
        assertThat(configMap("web-static-1")).as("unchanged config is not copied").isNull();
        assertThat(configMap("web-config").getData()).containsEntry("greeting", "hello");
        PodSpec canary = cluster.deployment("shop", "web-canary").getSpec().getTemplate().getSpec();
        assertThat(canary.getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("web-config-1");
        assertThat(canary.getVolumes().get(0).getConfigMap().getName()).isEqualTo("web-static");
        assertThat(canary.getContainers().get(0).getImage()).isEqualTo("shop/web:2");
        PodSpec stable = cluster.deployment("shop", "web").getSpec().getTemplate().getSpec();
        assertThat(stable.getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("web-config");
        assertThat(stable.getContainers().get(0).getImage()).isEqualTo("shop/web:1");

        service.promote("shop", "web", "ana");
        ReleaseState done = service.drive("shop", "web", s -> false, WAIT, s -> { });
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(configMap("web-config-1")).isNull();
        assertThat(configMap("web-config").getData()).containsEntry("greeting", "hi");
        stable = cluster.deployment("shop", "web").getSpec().getTemplate().getSpec();
        assertThat(stable.getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("web-config");
        assertThat(stable.getContainers().get(0).getImage()).isEqualTo("shop/web:2");
    }

    @Test
    void rejectRemovesTheVersionedCopyAndLeavesLiveConfigAlone() {
        service.start(manifestPlan(), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        service.reject("shop", "web", "bo");
        assertThat(service.drive("shop", "web", s -> false, WAIT, s -> { }).phase())
                .isEqualTo(new ReleasePhase.Rejected());
        assertThat(configMap("web-config-1")).isNull();
        assertThat(configMap("web-config").getData()).containsEntry("greeting", "hello");
    }

    @Test
    void aFailingPrimaryRolloutPutsStableAndItsConfigBack() {
        Deployment before = cluster.deployment("shop", "web");
        service.start(manifestPlan().withSteadyStateTimeout(Duration.ofSeconds(20)), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        cluster.failStableRollouts();
        service.promote("shop", "web", "ana");
        ReleaseState done = service.drive("shop", "web", s -> false, WAIT, s -> { });

        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).contains("primary rollout failed");
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(configMap("web-config").getData()).containsEntry("greeting", "hello");
        assertThat(configMap("web-config-1")).isNull();
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }
}
