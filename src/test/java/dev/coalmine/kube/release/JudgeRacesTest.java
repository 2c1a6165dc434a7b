package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.DecisionVerdict;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.MovableClock;
import dev.coalmine.testing.ReliabilityFigures;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A person racing the automatic judge, repeated on one API server ({@link MockCluster}, instant rollouts). The judge
 * runs in the process driving the release (a {@link ReleaseService} of its own, whose clock the test moves past the
 * analysis interval, so its check comes due at a moment the test picks); the person is another process with its own
 * client and identity, recording promote or reject at that moment. Exactly one decision is recorded and carried
 * out, and the loser is told who won.
 */
class JudgeRacesTest {
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final int ROUNDS = Integer.getInteger("coalmine.races", 100);
    private static final String PERSON = "ana";
    /** The drive's limit by the judge's clock, which the test moves on by hours (the test waits {@link #WAIT}). */
    private static final Duration JUDGE_CLOCK_LIMIT = Duration.ofDays(3650);

    private final MockCluster cluster = new MockCluster();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<String> stableRolls = Collections.synchronizedList(new ArrayList<>());
    private final MovableClock judgeClock = MovableClock.system();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Random jitter = new Random(17);
    private ReleaseService judgeHost;
    private ReleaseService person;

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        clients.forEach(KubernetesClient::close);
        cluster.close();
    }

    private ReleaseService service(ReleaseSettings settings) {
        KubernetesClient client = cluster.server.createClient();
        clients.add(client);
        return new ReleaseService(client, settings);
    }

    /** One check decides: a passing check promotes (the canary's pods never restart here). */
    private static ReleasePlan plan(int round) {
        JudgeSettings judge = JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(INTERVAL)
                .withAnalysis(AnalysisPolicy.defaults().withPassingChecksToPromote(1).withMaxFailedChecks(1));
        return ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("web=registry.example.com/shop/api:9." + round)),
                CanarySize.count(1), false).withJudge(JudgeSpec.automatic(judge));
    }

    /** What the person was given: the release as recorded, or the refusal. */
    private record Told(ReleaseState state, CoalmineException refusal) {
        String text() {
            return refusal != null ? refusal.getMessage() : "decided by " + state.decision().who();
        }
    }

    private Told personDecides(DecisionVerdict verdict) {
        try {
            return new Told(verdict == DecisionVerdict.PROMOTE ? person.promote(NS, APP, PERSON)
                    : person.reject(NS, APP, PERSON), null);
        } catch (CoalmineException refused) {
            return new Told(null, refused);
        }
    }

    /**
     * The four races, in turn: the person rejects or promotes while the judge's check would promote a healthy
     * canary, then promotes or rejects while it would reject one whose container restarted.
     */
    private static DecisionVerdict personWants(int round) {
        return round % 4 == 0 || round % 4 == 3 ? DecisionVerdict.REJECT : DecisionVerdict.PROMOTE;
    }

    private static DecisionVerdict judgeWould(int round) {
        return round % 4 < 2 ? DecisionVerdict.PROMOTE : DecisionVerdict.REJECT;
    }

    /** A canary pod whose container restarted: the judge's restart check fails it (none are allowed). */
    private void crashingCanaryPod(int round) {
        Eventually.assertThat(WAIT, () -> assertThat(cluster.deployment(NS, APP + "-canary")).isNotNull());
        Deployment canary = cluster.deployment(NS, APP + "-canary");
        cluster.client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata()
                .withName(APP + "-canary-" + round).withLabels(canary.getSpec().getSelector().getMatchLabels())
                .endMetadata().withNewSpec().addNewContainer().withName("web").withImage("x").endContainer().endSpec()
                .withNewStatus().addNewContainerStatus().withName("web").withRestartCount(3).endContainerStatus()
                .endStatus().build()).create();
    }

    /** One race; returns who won and what was carried out. */
    private String race(int round) throws Exception {
        DecisionVerdict personWants = personWants(round);
        long generation = cluster.deployment(NS, APP).getMetadata().getGeneration();
        judgeHost.start(plan(round), true);
        List<ReleaseState> judgeSaw = Collections.synchronizedList(new ArrayList<>());
        Future<ReleaseState> driving = threads.submit(() -> judgeHost.drive(NS, APP, s -> false,
                JUDGE_CLOCK_LIMIT, judgeSaw::add));
        if (judgeWould(round) == DecisionVerdict.REJECT) {
            crashingCanaryPod(round);
        }
        Eventually.assertThat(WAIT, () -> assertThat(person.history(NS, APP).get(person.history(NS, APP).size() - 1)
                .phase()).as("round %d", round).isEqualTo(new ReleasePhase.Analysing()));

        CountDownLatch go = new CountDownLatch(1);
        int personDelayMillis = jitter.nextInt(120);
        Future<Told> told = threads.submit(() -> {
            go.await();
            Thread.sleep(personDelayMillis);
            return personDecides(personWants);
        });
        go.countDown();
        // The judge's next look (every 50 ms) finds its check due: three intervals have passed since it opened.
        judgeClock.advance(INTERVAL.multipliedBy(3).plusMinutes(1));

        ReleaseState done = driving.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Told personTold = told.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        cluster.client.pods().inNamespace(NS).withName(APP + "-canary-" + round).delete();
        String winner = done.decision().who();
        assertThat(winner).as("round %d: %s", round, done.log()).isIn(PERSON, AutomaticJudgment.WHO);
        assertThat(done.decision().verdict()).as("round %d: the winner's verdict", round)
                .isEqualTo(winner.equals(PERSON) ? personWants : judgeWould(round));
        assertThat(done.log().stream().filter(l -> l.message().contains(" recorded by ")))
                .as("round %d: decisions recorded", round).hasSize(1);
        boolean promoted = done.decision().verdict() == DecisionVerdict.PROMOTE;
        assertThat(done.phase()).as("round %d", round)
                .isEqualTo(promoted ? new ReleasePhase.Succeeded() : new ReleasePhase.Rejected());
        assertThat(cluster.deployment(NS, APP).getMetadata().getGeneration() - generation)
                .as("round %d: rolling updates of stable", round).isEqualTo(promoted ? 1 : 0);
        assertThat(cluster.deployment(NS, APP + "-canary")).as("round %d: canary left", round).isNull();
        assertThat(personTold.text()).as("round %d: the person learns who won", round).contains("decided by " + winner);
        assertThat(judgeSaw.get(judgeSaw.size() - 1).decision().who())
                .as("round %d: the judge's process carries out the winner's decision", round).isEqualTo(winner);
        return winner + " " + done.decision().verdict().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void aPersonRacingTheAutomaticJudgeRecordsAndCarriesOutOneDecision() throws Exception {
        cluster.createStable(NS, APP, 2, "registry.example.com/shop/api:2.7.1");
        ReleaseSettings judge = ReleaseSettings.defaults("judge@console");
        judgeHost = service(new ReleaseSettings(judge.identity(), judgeClock, Duration.ofSeconds(15),
                Duration.ofMillis(50), judge.hook(), judge.log(), judge.retries()));
        person = service(ReleaseSettings.defaults(PERSON).withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)));
        long start = System.nanoTime();
        List<String> winners = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            winners.add(race(round));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        ReliabilityFigures.record("judge-races", """
                | person against the automatic judge | exactly one decision recorded | carried out once | loser told who won |
                |---|---|---|---|
                | %d (a quarter each: reject or promote while the judge would promote, promote or reject while it would reject) | %d of %d | %d of %d | %d of %d |

                Carried out: the person's decision %d times (%d rejects, %d promotes), the judge's %d times (%d \
                promotes, %d rejects); the person decided 0–120 ms after the judge's check came due (%d s on one \
                mock API server).
                """.formatted(ROUNDS, ROUNDS, ROUNDS, ROUNDS, ROUNDS, ROUNDS, ROUNDS,
                count(winners, PERSON), Collections.frequency(winners, PERSON + " reject"),
                Collections.frequency(winners, PERSON + " promote"), count(winners, AutomaticJudgment.WHO),
                Collections.frequency(winners, AutomaticJudgment.WHO + " promote"),
                Collections.frequency(winners, AutomaticJudgment.WHO + " reject"), seconds));
    }

    private static long count(List<String> winners, String who) {
        return winners.stream().filter(w -> w.startsWith(who + " ")).count();
    }
}
