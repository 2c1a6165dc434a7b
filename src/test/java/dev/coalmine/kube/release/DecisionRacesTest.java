package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.testing.ReliabilityFigures;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two processes deciding, or starting, at the same moment, repeated on one API server ({@link MockCluster}: fabric8's
 * mock over HTTP with instant rollouts, so that hundreds of releases take seconds): each process is a
 * {@link ReleaseService} with its own client and identity, as two consoles or a console and the CLI are. Exactly one
 * decision (or release) is recorded and carried out, and the loser is told who won.
 */
class DecisionRacesTest {
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ROUNDS = Integer.getInteger("coalmine.races", 100);

    private static MockCluster cluster;
    private static final List<KubernetesClient> clients = new ArrayList<>();
    /** The actions carried out, per workload. */
    private static final Map<String, List<String>> performed = new ConcurrentHashMap<>();
    private static ReleaseService ana;
    private static ReleaseService bo;
    private static final ExecutorService threads = Executors.newCachedThreadPool();
    private static final AtomicInteger image = new AtomicInteger();

    @BeforeAll
    static void start() {
        cluster = new MockCluster();
        cluster.createStable(NS, APP, 2, "registry.example.com/shop/api:2.7.1");
        ana = service("ana");
        bo = service("bo");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        clients.forEach(KubernetesClient::close);
        cluster.close();
    }

    private static ReleaseService service(String identity) {
        KubernetesClient client = cluster.server.createClient();
        clients.add(client);
        return new ReleaseService(client, ReleaseSettings.defaults(identity)
                .withTiming(Duration.ofSeconds(15), Duration.ofMillis(50))
                .withHook((action, state) -> performed.computeIfAbsent(state.plan().deployment(),
                        d -> Collections.synchronizedList(new ArrayList<>())).add(action.getClass().getSimpleName())));
    }

    private static ReleasePlan nextPlan(String app) {
        return ReleasePlan.ofImages(NS, app, List.of(ImageChange.parse("web=registry.example.com/shop/api:9."
                + image.incrementAndGet())), CanarySize.count(1), false);
    }

    /** What one racer got: the state it was given, or the refusal it was told. */
    private record Outcome(ReleaseState state, CoalmineException refusal) {
    }

    private static List<Outcome> race(Callable<ReleaseState> one, Callable<ReleaseState> other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ReleaseState>> futures = new ArrayList<>();
        for (Callable<ReleaseState> racer : List.of(one, other)) {
            futures.add(threads.submit(() -> {
                go.await();
                return racer.call();
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<ReleaseState> f : futures) {
            try {
                outcomes.add(new Outcome(f.get(60, TimeUnit.SECONDS), null));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof CoalmineException refusal)) {
                    throw e;
                }
                outcomes.add(new Outcome(null, refusal));
            }
        }
        return outcomes;
    }

    private static void awaitJudgment(String app) {
        ana.start(nextPlan(app), true);
        ReleaseState waiting = ana.drive(NS, app, s -> s.phase().awaitingDecision(), WAIT, s -> { });
        assertThat(waiting.phase()).as("%s", waiting.log()).isEqualTo(new ReleasePhase.AwaitingJudgment());
        performed.remove(app);
    }

    private static long rollsOfStable(String app) {
        return performed.getOrDefault(app, List.of()).stream().filter(a -> a.equals("RollStable")).count();
    }

    /** One race on {@code app}; returns the verdict carried out. */
    private static DecisionVerdict decisionRace(String app, int round) throws Exception {
        boolean bothPromote = round % 2 == 1;
        awaitJudgment(app);
        List<Outcome> outcomes = race(() -> ana.promote(NS, app, "ana"),
                () -> bothPromote ? bo.promote(NS, app, "bo") : bo.reject(NS, app, "bo"));
        ReleaseState done = bo.drive(NS, app, s -> false, WAIT, s -> { });
        String winner = done.decision().who();
        assertThat(winner).isIn("ana", "bo");
        long decisionLines = done.log().stream().filter(l -> l.message().contains(" recorded by ")).count();
        assertThat(decisionLines).as("%s round %d: decisions recorded", app, round).isOne();
        DecisionVerdict verdict = done.decision().verdict();
        assertThat(done.phase()).isEqualTo(verdict == DecisionVerdict.PROMOTE ? new ReleasePhase.Succeeded()
                : new ReleasePhase.Rejected());
        assertThat(rollsOfStable(app)).as("%s round %d: stable rolled", app, round)
                .isEqualTo(verdict == DecisionVerdict.PROMOTE ? 1 : 0);
        for (Outcome o : outcomes) {
            String told = o.refusal() != null ? o.refusal().getMessage() : "decided by " + o.state().decision().who();
            assertThat(told).as("%s round %d: every racer learns who won", app, round).contains("decided by " + winner);
        }
        return verdict;
    }

    @Test
    void promoteAgainstRejectAndPromoteAgainstPromoteRecordAndCarryOutOneDecision() throws Exception {
        long start = System.nanoTime();
        long promoteWins = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (decisionRace(APP, round) == DecisionVerdict.PROMOTE) {
                promoteWins++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        ReliabilityFigures.record("decision-races", """
                | races | exactly one decision recorded | carried out once | loser told who won |
                |---|---|---|---|
                | %d (%d promote vs reject, %d promote vs promote) | %d of %d | %d of %d | %d of %d |

                The promote was carried out %d times, the reject %d times (%d s on one mock API server).
                """.formatted(ROUNDS, (ROUNDS + 1) / 2, ROUNDS / 2, ROUNDS, ROUNDS, ROUNDS, ROUNDS, ROUNDS, ROUNDS,
                promoteWins, ROUNDS - promoteWins, seconds));
    }

    @Test
    void twoStartsAtOnceMakeOneRelease() throws Exception {
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            int before = ana.history(NS, APP).size();
            ReleasePlan plan = nextPlan(APP);
            List<Outcome> outcomes = race(() -> ana.start(plan, true), () -> bo.start(plan, true));
            assertThat(outcomes.stream().filter(o -> o.state() != null)).as("round %d: started; refusals: %s", round,
                    outcomes.stream().filter(o -> o.refusal() != null).map(o -> o.refusal().getMessage()).toList())
                    .hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.refusal() != null).map(o -> o.refusal().getMessage()))
                    .singleElement().asString().containsAnyOf("at the same moment", "promote or reject it first");
            assertThat(ana.history(NS, APP)).hasSize(Math.min(before + 1, ana.history(NS, APP).size()));
            ReleaseState started = outcomes.stream().filter(o -> o.state() != null).findFirst().orElseThrow().state();
            assertThat(ana.history(NS, APP).get(ana.history(NS, APP).size() - 1).number()).isEqualTo(started.number());
            ana.reject(NS, APP, "ana");
            assertThat(ana.drive(NS, APP, s -> false, WAIT, s -> { }).phase()).isEqualTo(new ReleasePhase.Rejected());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        ReliabilityFigures.record("start-races", """
                | two starts at once | exactly one release |
                |---|---|
                | %d | %d of %d |

                (%d s on one mock API server; the other start is refused with the reason.)
                """.formatted(ROUNDS, ROUNDS, ROUNDS, seconds));
    }
}
