package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Manifest releases carrying a 450 KB ConfigMap each (a ConfigMap holds 1 MiB) keep every earlier record. */
class HistorySizeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ONE_MIB = 1024 * 1024;

    private final MockCluster cluster = new MockCluster();
    private final ReleaseService service = service("test", ReleaseSettings.ActionHook.NONE);

    @AfterEach
    void close() {
        cluster.close();
    }

    private ReleaseService service(String identity, ReleaseSettings.ActionHook hook) {
        return new ReleaseService(cluster.client, ReleaseSettings.defaults(identity)
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)).withHook(hook));
    }

    /** Release {@code n} brings ConfigMap {@code web-blob-n} with 450 KB of data that does not compress. */
    private static ReleasePlan largeManifestRelease(int n) {
        StringBuilder blob = new StringBuilder("x");
        Random random = new Random(n);
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        while (blob.length() < 450_000) {
            blob.append(letters.charAt(random.nextInt(letters.length())));
        }
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web-blob-%1$d}
                data: {blob: %2$s}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web, tier: web}}
                    spec:
                      containers:
                      - name: web
                        image: shop/web:%3$d
                        envFrom: [{configMapRef: {name: web-blob-%1$d}}]
                """.formatted(n, blob, n + 1);
        return new ReleasePlan("shop", "web", List.of(), manifest, CanarySize.count(1), false, JudgeSpec.manual(), null);
    }

    private void release(int n, String verdict, String who) {
        service.start(largeManifestRelease(n), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        if (verdict.equals("promote")) {
            service.promote("shop", "web", who);
        } else {
            service.reject("shop", "web", who);
        }
        service.drive("shop", "web", s -> false, WAIT, s -> { });
    }

    private ConfigMap configMap(String name) {
        return cluster.client.configMaps().inNamespace("shop").withName(name).get();
    }

    @Test
    void threeLargeManifestReleasesKeepEveryEarlierRecordAndTheStateStaysUnderOneMebibyte() {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        release(1, "promote", "ana");
        release(2, "reject", "bo");
        service.start(largeManifestRelease(3), true);

        List<ReleaseState> history = service.history("shop", "web");
        assertThat(history).extracting(ReleaseState::number).containsExactly(1, 2, 3);
        assertThat(history).extracting(ReleaseState::phase)
                .containsExactly(new ReleasePhase.Succeeded(), new ReleasePhase.Rejected(), new ReleasePhase.CanaryDeploying());
        assertThat(history.subList(0, 2)).extracting(r -> r.decision().who()).containsExactly("ana", "bo");
        assertThat(history.subList(0, 2)).extracting(r -> r.decision().verdict().word()).containsExactly("promote", "reject");
        assertThat(history.subList(0, 2)).allSatisfy(r -> assertThat(r.finishedAt()).isNotNull());
        assertThat(service.storedHistory("shop", "web").notKept()).isZero();

        String stored = configMap("coalmine-release-web").getData().get(ReleaseStore.KEY);
        assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isLessThan(ONE_MIB);

        TrimmedBody first = history.get(0).trimmedIfAny().orElseThrow();
        assertThat(first.keptIn()).isEqualTo("coalmine-release-web-1-plan");
        assertThat(first.images()).containsExactly("web=shop/web:2");
        ConfigMap body = configMap(first.keptIn());
        assertThat(body.getData().get(PlanBodyStore.MANIFEST_KEY)).isEqualTo(largeManifestRelease(1).manifestYaml());
        assertThat(body.getData().get(PlanBodyStore.SNAPSHOT_KEY)).contains("shop/web:2");
        assertThat(body.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "coalmine")
                .containsEntry("coalmine.dev/plan-of", "web").containsEntry("coalmine.dev/release", "1");
        assertThat(body.getMetadata().getOwnerReferences()).extracting(o -> o.getName())
                .containsExactly("coalmine-release-web");
        assertThat(history.get(2).trimmedIfAny()).as("the current release keeps its body").isEmpty();
        assertThat(history.get(2).plan().manifestYaml()).isEqualTo(largeManifestRelease(3).manifestYaml());
    }

    @Test
    void aKilledLargeReleaseIsResumedAfterItsFirstDrive() {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        release(1, "reject", "ana");
        AtomicBoolean killed = new AtomicBoolean();
        ReleaseService first = service("first", (action, state) -> {
            if (action instanceof ReleaseAction.RollStable && killed.compareAndSet(false, true)) {
                throw new IllegalStateException("process killed (simulated)");
            }
        });
        first.start(largeManifestRelease(2), true);
        first.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        first.promote("shop", "web", "bo");
        try {
            first.drive("shop", "web", s -> false, WAIT, s -> { });
        } catch (IllegalStateException expected) {
            // the process dies while rolling stable
        }
        ReleaseState done = service("second", ReleaseSettings.ActionHook.NONE)
                .drive("shop", "web", s -> false, WAIT, s -> { });

        assertThat(killed).isTrue();
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:3");
        assertThat(configMap("web-blob-2").getData().get("blob")).hasSize(450_000);
        List<ReleaseState> history = service.history("shop", "web");
        assertThat(history).extracting(r -> r.decisionIfAny().map(Decision::who).orElse("-")).containsExactly("ana", "bo");
    }
}
