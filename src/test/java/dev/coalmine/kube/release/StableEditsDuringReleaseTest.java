package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edits someone makes to stable while a release runs survive promotion and rollback; conflicting ones stop it. */
class StableEditsDuringReleaseTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final MockCluster cluster = new MockCluster();
    private final ReleaseSettings settings = ReleaseSettings.defaults("test-driver")
            .withTiming(Duration.ofSeconds(15), Duration.ofMillis(50));
    private ReleaseService service = new ReleaseService(cluster.client, settings);

    @AfterEach
    void close() {
        cluster.close();
    }

    private void startAndAwaitJudgment() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        service.start(ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=shop/web:2")),
                CanarySize.count(1), true), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
    }

    private ReleaseState promote() {
        service.promote("shop", "web", "ana");
        return service.drive("shop", "web", s -> false, WAIT, s -> { });
    }

    /**
     * What {@code kubectl edit deployment web} does: a read-modify-write of stable's web container, made again on
     * the newer version after a 409 Conflict (the simulated controller writes stable's status meanwhile).
     */
    private void editStable(Consumer<Container> edit) {
        Eventually.assertThat(() -> cluster.client.apps().deployments().inNamespace("shop").withName("web")
                .edit(d -> {
                    edit.accept(d.getSpec().getTemplate().getSpec().getContainers().get(0));
                    return d;
                }));
    }

    private Container stableContainer() {
        return cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static void addHotfixEnv(Container c) {
        c.setEnv(List.of(new EnvVar("HOTFIX", "on", null)));
    }

    @Test
    void anEnvVarAddedWhileAwaitingJudgmentSurvivesPromotion() {
        startAndAwaitJudgment();
        editStable(StableEditsDuringReleaseTest::addHotfixEnv);

        ReleaseState done = promote();

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(stableContainer().getImage()).isEqualTo("shop/web:2");
        assertThat(stableContainer().getEnv()).containsExactly(new EnvVar("HOTFIX", "on", null));
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("coalmine.dev/release", "1");
    }

    @Test
    void aMemoryLimitChangedWhileAwaitingJudgmentSurvivesPromotion() {
        startAndAwaitJudgment();
        editStable(c -> c.setResources(new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("512Mi")).build()));

        ReleaseState done = promote();

        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(stableContainer().getImage()).isEqualTo("shop/web:2");
        assertThat(stableContainer().getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void aPromoteIsRefusedWithTheChoicesWhileStablesImageWasChangedToo() {
        startAndAwaitJudgment();
        editStable(c -> c.setImage("shop/web:1-hotfix"));

        assertThatThrownBy(() -> service.promote("shop", "web", "ana")).isInstanceOf(CoalmineException.class)
                .hasMessage("release 1 of web cannot be promoted: stable's container web image was changed to "
                        + "shop/web:1-hotfix during the release, which changes it from shop/web:1 to shop/web:2. Reject "
                        + "this release (coalmine canary reject web), or set stable's container web image back to "
                        + "shop/web:1 and promote again");

        ReleaseState waiting = service.history("shop", "web").get(0);
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(waiting.decision()).isNull();
        service.reject("shop", "web", "bo");
        assertThat(service.drive("shop", "web", s -> false, WAIT, s -> { }).phase())
                .isEqualTo(new ReleasePhase.Rejected());
        assertThat(stableContainer().getImage()).isEqualTo("shop/web:1-hotfix");
    }

    @Test
    void aPausedStableRefusesAPromoteAndHoldsOneRecordedBeforeThePauseUntilItIsResumed() {
        startAndAwaitJudgment();
        pauseStable(true);
        assertThatThrownBy(() -> service.promote("shop", "web", "ana")).isInstanceOf(CoalmineException.class)
                .hasMessage("release 1 of web cannot be promoted while web is paused (spec.paused: true): its rolling "
                        + "update would not start. Resume it (kubectl rollout resume deployment/web -n shop) and promote "
                        + "again, or reject this release");
        pauseStable(false);
        service.promote("shop", "web", "ana");
        pauseStable(true);

        ReleaseState held = service.drive("shop", "web", s -> s.lastLog(1).get(0).message().startsWith("stable is paused"),
                WAIT, s -> { });
        assertThat(held.phase()).isEqualTo(new ReleasePhase.Promoting());
        assertThat(stableContainer().getImage()).as("nothing written into the paused Deployment").isEqualTo("shop/web:1");
        assertThat(cluster.deployment("shop", "web").getSpec().getPaused()).as("its pause is not Coalmine's to lift")
                .isTrue();

        pauseStable(false);
        ReleaseState done = service.drive("shop", "web", s -> false, WAIT, s -> { });
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(stableContainer().getImage()).isEqualTo("shop/web:2");
    }

    /** What {@code kubectl rollout pause} and {@code resume} do. */
    private void pauseStable(boolean paused) {
        Eventually.assertThat(() -> cluster.client.apps().deployments().inNamespace("shop").withName("web")
                .edit(d -> {
                    d.getSpec().setPaused(paused);
                    return d;
                }));
    }

    @Test
    void anImageEditAfterThePromoteWasRecordedRefusesThePromotionAndLeavesStableAlone() {
        startAndAwaitJudgment();
        service.promote("shop", "web", "ana");
        editStable(c -> c.setImage("shop/web:1-hotfix"));
        Deployment edited = cluster.deployment("shop", "web");

        ReleaseState done = service.drive("shop", "web", s -> false, WAIT, s -> { });

        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).startsWith("promotion refused: stable's container web "
                + "image was changed to shop/web:1-hotfix during the release, which changes it from shop/web:1 to "
                + "shop/web:2; stable was left as it is. To release on top of that edit, start a new release; to drop "
                + "it, set stable's container web image back to shop/web:1 and start again");
        assertThat(cluster.deployment("shop", "web").getSpec()).isEqualTo(edited.getSpec());
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
    }

    @Test
    void theRollbackOfAFailedPrimaryKeepsAnEditMadeDuringTheRollout() {
        service = new ReleaseService(cluster.client, settings.withHook((action, state) -> {
            if (action instanceof ReleaseAction.RollbackStable) {
                editStable(StableEditsDuringReleaseTest::addHotfixEnv);
            }
        }));
        startAndAwaitJudgment();
        cluster.failStableRollouts();

        ReleaseState done = promote();

        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).contains("primary rollout failed");
        assertThat(stableContainer().getImage()).isEqualTo("shop/web:1");
        assertThat(stableContainer().getEnv()).containsExactly(new EnvVar("HOTFIX", "on", null));
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getMetadata().getLabels())
                .doesNotContainKeys("coalmine.dev/track", "coalmine.dev/release");
    }
}
