package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A manifest release that brings Secrets: their values stay out of the state ConfigMap (kept in a Secret of the
 * release instead), reach the canary's copy and, on promotion, the live Secrets, are put back by a rollback, and
 * the release's Secret is gone when the release ends.
 */
class ManifestSecretsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NEW_PASSWORD = "n3w-pa55word-Qx7";
    private static final String NEW_TOKEN = "t0ken-from-data-Zr9";
    private static final String OLD_PASSWORD = "0ld-pa55word-Kb2";
    private static final String EXTRA = "extra-value-Wm4";
    private static final String UNUSED = "unused-value-Jp8";
    private static final String MANIFEST = """
            apiVersion: v1
            kind: Secret
            metadata: {name: web-secret, labels: {team: shop}}
            type: Opaque
            stringData: {password: %s}
            data: {token: %s}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-extra}
            stringData: {extra: %s}
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
                    envFrom: [{secretRef: {name: web-secret}}]
                    volumeMounts: [{name: extra, mountPath: /extra}]
                  volumes:
                  - name: extra
                    secret: {secretName: web-extra}
            """.formatted(NEW_PASSWORD, b64(NEW_TOKEN), EXTRA);

    private final MockCluster cluster = new MockCluster();

    private ReleaseService service(String identity) {
        return new ReleaseService(cluster.client,
                ReleaseSettings.defaults(identity).withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)));
    }

    @BeforeEach
    void liveObjects() {
        cluster.client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata()
                .withName("web-secret").withNamespace("shop").endMetadata().withType("Opaque")
                .withData(Map.of("password", b64(OLD_PASSWORD))).build()).create();
        cluster.createStable("shop", "web", 4, "shop/web:1");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private static String b64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static ReleasePlan plan() {
        return new ReleasePlan("shop", "web", List.of(), MANIFEST, CanarySize.count(1), false, JudgeSpec.manual(), null);
    }

    private Secret secret(String name) {
        return cluster.client.secrets().inNamespace("shop").withName(name).get();
    }

    private List<Secret> secretData() {
        return cluster.client.secrets().inNamespace("shop").withLabel(ReleaseNames.SECRET_DATA_OF, "web").list()
                .getItems();
    }

    private String rawState() {
        ConfigMap state = cluster.client.configMaps().inNamespace("shop").withName("coalmine-release-web").get();
        return cluster.client.getKubernetesSerialization().asJson(state);
    }

    private static void assertNoSecretValueIn(String text) {
        for (String value : List.of(NEW_PASSWORD, NEW_TOKEN, OLD_PASSWORD, EXTRA)) {
            assertThat(text).doesNotContain(value).doesNotContain(b64(value));
        }
    }

    @Test
    void theStateConfigMapHoldsNoSecretValueAndPromotionWritesTheSecrets() {
        ReleaseState started = service("starter").start(plan(), true);

        assertNoSecretValueIn(rawState());
        assertThat(started.plan().manifestYaml()).contains("web-secret", "password", "token", "web-extra");
        assertNoSecretValueIn(started.plan().manifestYaml());
        List<Secret> kept = secretData();
        assertThat(kept).hasSize(1);
        Secret holder = kept.get(0);
        assertThat(holder.getMetadata().getName()).startsWith("coalmine-release-web-1-");
        assertThat(holder.getType()).isEqualTo("Opaque");
        assertThat(holder.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "coalmine")
                .containsEntry("coalmine.dev/release", "1").containsEntry("coalmine.dev/config-of", "web");
        assertThat(started.log()).anyMatch(l -> l.message().contains(holder.getMetadata().getName()));

        // Another process carries it on: everything it needs comes from the cluster.
        service("second").drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(secret("web-secret-1").getData()).containsEntry("password", b64(NEW_PASSWORD))
                .containsEntry("token", b64(NEW_TOKEN));
        assertThat(secret("web-extra-1").getData()).containsEntry("extra", b64(EXTRA));
        assertThat(secret("web-secret").getData()).containsEntry("password", b64(OLD_PASSWORD)).doesNotContainKey("token");
        assertThat(secret("web-extra")).as("stable never sees the new Secrets before promotion").isNull();
        PodSpec canary = cluster.deployment("shop", "web-canary").getSpec().getTemplate().getSpec();
        assertThat(canary.getContainers().get(0).getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("web-secret-1");
        assertThat(canary.getVolumes().get(0).getSecret().getSecretName()).isEqualTo("web-extra-1");
        assertNoSecretValueIn(rawState());

        service("third").promote("shop", "web", "ana");
        ReleaseState done = service("fourth").drive("shop", "web", s -> false, WAIT, s -> { });
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(secret("web-secret").getData()).containsEntry("password", b64(NEW_PASSWORD))
                .containsEntry("token", b64(NEW_TOKEN));
        assertThat(secret("web-secret").getMetadata().getLabels()).containsEntry("team", "shop");
        assertThat(secret("web-extra").getData()).containsEntry("extra", b64(EXTRA));
        assertThat(secret("web-secret-1")).isNull();
        assertThat(secret("web-extra-1")).isNull();
        assertThat(secretData()).as("the release's Secret is deleted at wrap-up").isEmpty();
        assertNoSecretValueIn(rawState());
        ReleaseService reader = service("reader");
        assertNoSecretValueIn(reader.status("shop", "web").current().orElseThrow().toString());
        assertNoSecretValueIn(reader.history("shop", "web").toString());
    }

    @Test
    void aFailingPrimaryRolloutPutsTheSecretsBack() {
        Deployment before = cluster.deployment("shop", "web");
        ReleaseService service = service("test");
        service.start(plan().withSteadyStateTimeout(Duration.ofSeconds(20)), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        cluster.failStableRollouts();
        service.promote("shop", "web", "ana");
        ReleaseState done = service.drive("shop", "web", s -> false, WAIT, s -> { });

        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).contains("primary rollout failed");
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
        assertThat(secret("web-secret").getData()).isEqualTo(Map.of("password", b64(OLD_PASSWORD)));
        assertThat(secret("web-extra")).as("a Secret the release brought is deleted again").isNull();
        assertThat(secret("web-secret-1")).isNull();
        assertThat(secretData()).isEmpty();
        assertNoSecretValueIn(rawState());
    }

    @Test
    void aSecretTheDeploymentDoesNotUseIsLeftOutOfTheStateToo() {
        String unused = "apiVersion: v1\nkind: Secret\nmetadata: {name: someone-elses}\nstringData: {key: "
                + UNUSED + "}\n---\n";
        ReleasePlan withUnused = new ReleasePlan("shop", "web", List.of(), unused + MANIFEST, CanarySize.count(1), false,
                JudgeSpec.manual(), null);

        ReleaseState started = service("starter").start(withUnused, true);

        assertThat(started.plan().manifestYaml()).doesNotContain("someone-elses");
        assertThat(rawState()).doesNotContain(UNUSED).doesNotContain(b64(UNUSED));
        assertThat(secret("someone-elses")).isNull();
    }

    @Test
    void aRejectedReleaseLeavesNoSecretBehind() {
        ReleaseService service = service("test");
        service.start(plan(), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        service.reject("shop", "web", "bo");
        assertThat(service.drive("shop", "web", s -> false, WAIT, s -> { }).phase())
                .isEqualTo(new ReleasePhase.Rejected());
        assertThat(secretData()).isEmpty();
        assertThat(secret("web-secret-1")).isNull();
        assertThat(secret("web-secret").getData()).isEqualTo(Map.of("password", b64(OLD_PASSWORD)));
    }

    @Test
    void thePreviewNamesTheSecretThatWillHoldTheDataAndChangesNothing() {
        ReleasePreview preview = service("test").plan(plan());
        List<HasMetadata> holders = preview.objects().stream()
                .filter(o -> o.getMetadata().getName().startsWith("coalmine-release-web-1-")).toList();
        assertThat(holders).hasSize(1);
        assertThat(((Secret) holders.get(0)).getData()).isNullOrEmpty();
        assertThat(secretData()).isEmpty();
        assertThat(cluster.client.configMaps().inNamespace("shop").withName("coalmine-release-web").get()).isNull();
    }

    @Test
    void aStartWhoseStateCannotBeSavedDeletesTheSecretItCreated() {
        cluster.server.expect().post().withPath("/api/v1/namespaces/shop/configmaps")
                .andReturn(403, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":403,\"reason\":\"Forbidden\","
                        + "\"message\":\"configmaps is forbidden: exceeded quota\"}").once();
        assertThatThrownBy(() -> service("test").start(plan(), true)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("cannot save the release state");
        assertThat(secretData()).isEmpty();
        assertThat(service("test").history("shop", "web")).isEmpty();
    }
}
