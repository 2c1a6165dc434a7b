package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReleaseCycleTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final MockCluster cluster = new MockCluster();
    private final ReleaseService service = new ReleaseService(cluster.client,
            ReleaseSettings.defaults("test-driver").withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)));

    @AfterEach
    void close() {
        cluster.close();
    }

    private ReleasePlan plan(String image, int percent) {
        return ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=" + image)),
                CanarySize.percent(percent), true);
    }

    private ReleaseState driveToJudgment() {
        return service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
    }

    private ReleaseState driveToEnd() {
        return service.drive("shop", "web", s -> false, WAIT, s -> { });
    }

    @Test
    void fullManualCycleEndsWithStableOnTheNewImageAndNothingLeft() {
        cluster.createStable("shop", "web", 10, "shop/web:1");
        ReleaseState started = service.start(plan("shop/web:2", 20), true);
        assertThat(started.number()).isEqualTo(1);
        assertThat(started.phase()).isEqualTo(new ReleasePhase.CanaryDeploying());

        ReleaseState waiting = driveToJudgment();
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        Deployment canary = cluster.deployment("shop", "web-canary");
        assertThat(canary.getSpec().getReplicas()).isEqualTo(2);
        assertThat(canary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/web:2");
        assertThat(canary.getMetadata().getLabels()).containsEntry("coalmine.dev/track", "canary")
                .containsEntry("coalmine.dev/release", "1").containsEntry("app.kubernetes.io/managed-by", "coalmine");
        assertThat(canary.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web")
                .containsEntry("coalmine.dev/track", "canary").containsEntry("coalmine.dev/release", "1");
        assertThat(canary.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "web")
                .containsEntry("tier", "web").containsEntry("coalmine.dev/track", "canary");
        assertThat(canary.getMetadata().getOwnerReferences()).isNullOrEmpty();
        Deployment baseline = cluster.deployment("shop", "web-baseline");
        assertThat(baseline.getSpec().getReplicas()).isEqualTo(2);
        assertThat(baseline.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/web:1");
        Deployment stable = cluster.deployment("shop", "web");
        assertThat(stable.getSpec().getSelector().getMatchLabels()).containsOnlyKeys("app");
        assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("coalmine.dev/track");

        ReleaseStatus status = service.status("shop", "web");
        assertThat(status.canary().readyReplicas()).isEqualTo(2);
        assertThat(status.canary().images()).containsExactly("shop/web:2");
        assertThat(status.stable().replicas()).isEqualTo(10);

        service.promote("shop", "web", "ana");
        ReleaseState done = driveToEnd();
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(done.decision().who()).isEqualTo("ana");
        stable = cluster.deployment("shop", "web");
        assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/web:2");
        assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("coalmine.dev/track", "stable");
        assertThat(stable.getSpec().getSelector().getMatchLabels()).containsOnlyKeys("app");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
        assertThat(done.log()).extracting(l -> l.stage().title())
                .contains("Prepare", "Apply", "Wait for steady state", "Wrap-up");

        List<Event> events = cluster.client.v1().events().inNamespace("shop").list().getItems();
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getReportingComponent()).isEqualTo("coalmine");
            assertThat(e.getSource().getComponent()).isEqualTo("coalmine");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("web");
        });
        // Events are written one per save, not one per line, but every step-log line is in one of them.
        assertThat(events.size()).isLessThan(done.log().size());
        assertThat(done.log()).allSatisfy(line -> assertThat(events).anySatisfy(e ->
                assertThat(e.getMessage()).contains(line.message())));

        assertThat(service.start(plan("shop/web:3", 10), true).number()).isEqualTo(2);
        assertThat(service.history("shop", "web")).extracting(ReleaseState::number).containsExactly(1, 2);
    }

    @Test
    void rejectLeavesStableUntouchedAndNothingBehind() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        Deployment before = cluster.deployment("shop", "web");
        service.start(plan("shop/web:2", 10), true);
        driveToJudgment();
        service.reject("shop", "web", "bo");
        ReleaseState done = driveToEnd();
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Rejected());
        Deployment after = cluster.deployment("shop", "web");
        assertThat(after.getSpec()).isEqualTo(before.getSpec());
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
    }

    @Test
    void aBadImageFailsAndIsCleanedUp() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        service.start(plan("shop/does-not-exist:9", 50), true);
        ReleaseState done = driveToJudgment();
        assertThat(done.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(((ReleasePhase.Failed) done.phase()).reason()).contains("canary", "ProgressDeadlineExceeded");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:1");
    }

    @Test
    void watchersSeeTheStoredStateChange() throws InterruptedException {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.fabric8.kubernetes.client.Watch watch = service.watch("shop", "web",
                h -> h.current().ifPresent(r -> phases.add(r.phase().label())));
        try {
            service.start(plan("shop/web:2", 10), true);
            driveToJudgment();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!phases.contains("AwaitingJudgment") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(phases).contains("AwaitingJudgment").doesNotContain("Promoting", "Rejecting");
        } finally {
            new Thread(watch::close).start();
        }
    }

    @Test
    void aSecondStartIsRefusedWithTheCurrentPhase() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        service.start(plan("shop/web:2", 10), true);
        assertThatThrownBy(() -> service.start(plan("shop/web:3", 10), true))
                .isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("refused: release 1 is in phase CanaryDeploying");
    }

    @Test
    void aDecisionFromElsewhereWakesADriverAtOnceNotAtItsNextLook() throws Exception {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        // It looks on its own only every 10 minutes (and renews its 30-minute Lease every 10): only the watches can
        // make it notice anything within the test's minute.
        ReleaseService sleepy = new ReleaseService(cluster.client, ReleaseSettings.defaults("sleepy")
                .withTiming(Duration.ofMinutes(30), Duration.ofMinutes(10)));
        sleepy.start(plan("shop/web:2", 25), true);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<ReleaseState> driving = thread.submit(() -> sleepy.drive("shop", "web",
                    s -> false, WAIT, s -> { }));
            dev.coalmine.demo.sim.Await.until("the canary waiting for a decision", WAIT, () ->
                    service.history("shop", "web").get(0).phase().awaitingDecision());
            service.promote("shop", "web", "bo (cli)");
            ReleaseState done = driving.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
            assertThat(done.decision().who()).isEqualTo("bo (cli)");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void rbacDenialNamesTheMissingPermissionAndChangesNothing() {
        cluster.createStable("shop", "web", 4, "shop/web:1");
        cluster.deny("create deployments.apps");
        cluster.deny("create leases.coordination.k8s.io");
        assertThatThrownBy(() -> service.start(plan("shop/web:2", 10), true))
                .isInstanceOf(CoalmineException.class)
                .hasMessageContaining("cannot create deployments.apps")
                .hasMessageContaining("cannot create leases.coordination.k8s.io");
        assertThat(service.history("shop", "web")).isEmpty();
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
    }
}
