package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manifest release of a Helm-installed app: the live ConfigMap and Secret get the manifest's data, and keep
 * Helm's ownership marks, kubectl's last-applied-configuration and their ownerReferences, through a promotion and
 * through a rollback.
 */
class ManifestConfigOwnershipTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config, labels: {tier: web}}
            data: {greeting: hi}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-secret}
            type: Opaque
            stringData: {password: new}
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
                    envFrom: [{configMapRef: {name: web-config}}, {secretRef: {name: web-secret}}]
            """;
    private static final OwnerReference OWNER = new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
            .withName("sh.helm.release.v1.web.v1").withUid("0b6f3c1e-5a4e-4d6b-9a47-0f3c2d9e8a11").build();

    private final MockCluster cluster = new MockCluster();
    private final ReleaseService service = new ReleaseService(cluster.client,
            ReleaseSettings.defaults("test").withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)));

    @BeforeEach
    void helmInstalledObjects() {
        cluster.client.resource(new ConfigMapBuilder().withMetadata(helmMeta("web-config"))
                .withData(Map.of("greeting", "hello")).build()).create();
        cluster.client.resource(new SecretBuilder().withMetadata(helmMeta("web-secret")).withType("Opaque")
                .withData(Map.of("password", b64("old"))).build()).create();
        cluster.createStable("shop", "web", 4, "shop/web:1");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private static ObjectMeta helmMeta(String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace("shop")
                .withLabels(Map.of("app.kubernetes.io/managed-by", "Helm"))
                .withAnnotations(Map.of("meta.helm.sh/release-name", "web", "meta.helm.sh/release-namespace", "shop",
                        LAST_APPLIED, "{\"kind\":\"" + name + "\"}"))
                .withOwnerReferences(OWNER).build();
    }

    private static String b64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private ConfigMap configMap() {
        return cluster.client.configMaps().inNamespace("shop").withName("web-config").get();
    }

    private Secret secret() {
        return cluster.client.secrets().inNamespace("shop").withName("web-secret").get();
    }

    private ReleaseState release(boolean primaryFails) {
        service.start(new ReleasePlan("shop", "web", List.of(), MANIFEST, CanarySize.count(1), false,
                JudgeSpec.manual(), null).withSteadyStateTimeout(Duration.ofSeconds(20)), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        if (primaryFails) {
            cluster.failStableRollouts();
        }
        service.promote("shop", "web", "ana");
        return service.drive("shop", "web", s -> false, WAIT, s -> { });
    }

    private static void assertOwnershipKept(HasMetadata live) {
        assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
        assertThat(live.getMetadata().getAnnotations()).containsEntry("meta.helm.sh/release-name", "web")
                .containsEntry("meta.helm.sh/release-namespace", "shop").containsKey(LAST_APPLIED);
        assertThat(live.getMetadata().getOwnerReferences()).containsExactly(OWNER);
    }

    @Test
    void promotionUpdatesTheDataAndKeepsHelmsMarks() {
        assertThat(release(false).phase()).isEqualTo(new ReleasePhase.Succeeded());

        assertThat(configMap().getData()).isEqualTo(Map.of("greeting", "hi"));
        assertThat(configMap().getMetadata().getLabels()).as("what the manifest sets is set").containsEntry("tier", "web");
        assertOwnershipKept(configMap());
        assertThat(secret().getData()).containsEntry("password", b64("new"));
        assertOwnershipKept(secret());
    }

    @Test
    void rollbackRestoresTheDataAndKeepsHelmsMarks() {
        ReleaseState done = release(true);

        assertThat(((ReleasePhase.Failed) done.phase()).reason()).contains("primary rollout failed");
        assertThat(configMap().getData()).isEqualTo(Map.of("greeting", "hello"));
        assertOwnershipKept(configMap());
        assertThat(secret().getData()).isEqualTo(Map.of("password", b64("old")));
        assertOwnershipKept(secret());
    }
}
