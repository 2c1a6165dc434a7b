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
import dev.coalmine.core.release.DecisionVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kill and resume, racing drivers, racing decisions, and the store's conflict retry. */
class ReleaseResilienceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> FULL_CYCLE = List.of("ApplyCanary", "ApplyBaseline", "RollStable", "DeleteCanary",
            "DeleteBaseline");
    private final MockCluster cluster = new MockCluster();
    /** Every action actually performed, by whom: "identity:Action". */
    private final List<String> performed = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        cluster.close();
    }

    private ReleaseService service(String identity, ReleaseSettings.ActionHook kill) {
        ReleaseSettings.ActionHook record = (action, state) -> {
            kill.beforeAction(action, state);
            performed.add(identity + ":" + action.getClass().getSimpleName());
        };
        return new ReleaseService(cluster.client, ReleaseSettings.defaults(identity)
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)).withHook(record));
    }

    private static ReleasePlan plan() {
        return ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("shop/web:2")), CanarySize.count(1), true);
    }

    private List<String> actionsOnly() {
        return performed.stream().map(p -> p.substring(p.indexOf(':') + 1)).toList();
    }

    @ParameterizedTest(name = "killed before {0}")
    @ValueSource(strings = {"ApplyCanary", "ApplyBaseline", "RollStable", "DeleteCanary", "DeleteBaseline"})
    void aProcessKilledInAnyPhaseIsContinuedWithoutRepeatingAnything(String killPoint) {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        AtomicBoolean killed = new AtomicBoolean();
        ReleaseService first = service("first", (action, state) -> {
            if (action.getClass().getSimpleName().equals(killPoint) && killed.compareAndSet(false, true)) {
                throw new ProcessKilled();
            }
        });
        ReleaseService second = service("second", ReleaseSettings.ActionHook.NONE);
        first.start(plan(), true);

        ReleaseState waiting = driveSurvivingKill(first, second, s -> s.phase().awaitingDecision());
        assertThat(waiting.phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        first.promote("shop", "web", "ana");
        ReleaseState done = driveSurvivingKill(first, second, s -> false);

        assertThat(killed).isTrue();
        assertThat(done.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(actionsOnly()).containsExactlyElementsOf(FULL_CYCLE);
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
        assertThat(cluster.deployment("shop", "web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/web:2");
    }

    @Test
    void aProcessKilledWhileCleaningUpAFailureIsContinued() {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        AtomicBoolean killed = new AtomicBoolean();
        ReleaseService first = service("first", (action, state) -> {
            if (action instanceof ReleaseAction.DeleteBaseline && killed.compareAndSet(false, true)) {
                throw new ProcessKilled();
            }
        });
        first.start(ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("shop/does-not-exist:2")),
                CanarySize.count(1), true), true);
        ReleaseState failed = driveSurvivingKill(first, service("second", ReleaseSettings.ActionHook.NONE), s -> false);
        assertThat(killed).isTrue();
        assertThat(failed.phase()).isInstanceOf(ReleasePhase.Failed.class);
        assertThat(actionsOnly()).containsExactly("ApplyCanary", "ApplyBaseline", "DeleteCanary", "DeleteBaseline");
        assertThat(cluster.deployment("shop", "web-canary")).isNull();
        assertThat(cluster.deployment("shop", "web-baseline")).isNull();
    }

    private ReleaseState driveSurvivingKill(ReleaseService first, ReleaseService second, Predicate<ReleaseState> until) {
        try {
            return first.drive("shop", "web", until, WAIT, s -> { });
        } catch (ProcessKilled e) {
            return second.drive("shop", "web", until, WAIT, s -> { });
        }
    }

    @Test
    void twoDriversRacingDoEachActionOnceUnderOneLeaseHolder() throws Exception {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        ReleaseService a = service("a", ReleaseSettings.ActionHook.NONE);
        ReleaseService b = service("b", ReleaseSettings.ActionHook.NONE);
        a.start(plan(), true);
        CountDownLatch go = new CountDownLatch(1);
        Callable<ReleaseState> driveA = () -> {
            go.await();
            return a.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        };
        Callable<ReleaseState> driveB = () -> {
            go.await();
            return b.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
        };
        Future<ReleaseState> fa = threads.submit(driveA);
        Future<ReleaseState> fb = threads.submit(driveB);
        go.countDown();
        assertThat(fa.get(60, TimeUnit.SECONDS).phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(fb.get(60, TimeUnit.SECONDS).phase()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        assertThat(actionsOnly()).containsExactly("ApplyCanary", "ApplyBaseline");
        assertThat(performed.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct()).hasSize(1);
    }

    @Test
    void theLeaseHasOneHolderUntilItExpires() {
        java.time.Clock clock = java.time.Clock.systemUTC();
        WorkloadLease a = new WorkloadLease(cluster.client, "shop", "web", "a", Duration.ofSeconds(1), clock);
        WorkloadLease b = new WorkloadLease(cluster.client, "shop", "web", "b", Duration.ofSeconds(1), clock);
        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.holder()).contains("a");
        WorkloadLease later = new WorkloadLease(cluster.client, "shop", "web", "b", Duration.ofSeconds(1),
                java.time.Clock.offset(clock, Duration.ofSeconds(5)));
        assertThat(later.tryAcquire()).isTrue();
        assertThat(a.tryAcquire()).isFalse();
        later.release();
        assertThat(a.tryAcquire()).isTrue();
    }

    @Test
    void promoteAndRejectAtTheSameMomentOneWins() throws Exception {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        ReleaseService ana = service("ana-console", ReleaseSettings.ActionHook.NONE);
        ReleaseService bo = service("bo-cli", ReleaseSettings.ActionHook.NONE);
        ana.start(plan(), true);
        ana.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });

        CountDownLatch go = new CountDownLatch(1);
        Future<Object> promote = threads.submit(() -> {
            go.await();
            return ana.promote("shop", "web", "ana");
        });
        Future<Object> reject = threads.submit(() -> {
            go.await();
            return bo.reject("shop", "web", "bo");
        });
        go.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Object> f : List.of(promote, reject)) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(CoalmineException.class).hasMessageContaining("already decided by");

        ReleaseState done = bo.drive("shop", "web", s -> false, WAIT, s -> { });
        DecisionVerdict winner = done.decision().verdict();
        assertThat(done.phase()).isEqualTo(winner == DecisionVerdict.PROMOTE ? new ReleasePhase.Succeeded()
                : new ReleasePhase.Rejected());
        assertThatThrownBy(() -> {
            if (winner == DecisionVerdict.PROMOTE) {
                ana.reject("shop", "web", "late");
            } else {
                ana.promote("shop", "web", "late");
            }
        }).hasMessageContaining("already decided by");
    }

    @Test
    void concurrentStateWritersAllLandThroughConflictRetry() throws Exception {
        cluster.createStable("shop", "web", 3, "shop/web:1");
        ReleaseService service = service("x", ReleaseSettings.ActionHook.NONE);
        ReleaseState start = service.start(plan(), true);
        ReleaseStore store = new ReleaseStore(cluster.client, new ReleaseStateCodec());
        Callable<Void> writer = () -> {
            for (int i = 0; i < 15; i++) {
                store.update("shop", "web", h -> h.updateCurrent(r -> r.withPrepareLines(Instant.now(), List.of("line"))));
            }
            return null;
        };
        Future<Void> one = threads.submit(writer);
        Future<Void> two = threads.submit(writer);
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);
        ReleaseState after = store.load("shop", "web").current().orElseThrow();
        assertThat(after.log()).hasSize(start.log().size() + 30);
    }

    /** Stands for the process dying between saving a state and performing its action. */
    private static final class ProcessKilled extends RuntimeException {
        ProcessKilled() {
            super("process killed (simulated)");
        }
    }
}
