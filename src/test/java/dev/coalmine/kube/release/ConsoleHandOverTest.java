package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.ReliabilityFigures;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two consoles open on one release, each a {@link ReleaseService} with its own client, cache and identity (as two
 * console processes are), each with the release open in a {@link ReleaseSession} that drives in the background as
 * the rollout view does. One holds the Lease and drives; the other shows every change live. Closing the driving
 * console hands the driving over within one Lease duration, again and again; the release then ends as decided.
 */
class ConsoleHandOverTest {
    private static final String NS = "default";
    private static final String APP = "shop-api";
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final int HAND_OVERS = Integer.getInteger("coalmine.handovers", 6);

    private final MockCluster cluster = new MockCluster();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<Console> consoles = new ArrayList<>();

    /** One console process with the release open: everything its view was shown. */
    private final class Console implements AutoCloseable {
        final String identity;
        final ReleaseSession session;
        final List<ReleaseStatus> shown = new CopyOnWriteArrayList<>();

        Console(String identity) {
            this.identity = identity;
            KubernetesClient client = cluster.server.createClient();
            clients.add(client);
            ReleaseService service = new ReleaseService(client, ReleaseSettings.defaults(identity)
                    .withTiming(LEASE, Duration.ofMillis(100)));
            session = service.session(NS, APP);
            session.watch(shown::add);
            session.driveInBackground(problem -> { });
            consoles.add(this);
        }

        ReleaseStatus latest() {
            assertThat(shown).as("%s shows the release", identity).isNotEmpty();
            return shown.get(shown.size() - 1);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    @AfterEach
    void stop() {
        consoles.forEach(Console::close);
        clients.forEach(KubernetesClient::close);
        cluster.close();
    }

    @Test
    void closingTheDrivingConsoleHandsTheDrivingOverWithinOneLeaseDuration() {
        cluster.createStable(NS, APP, 2, "registry.example.com/shop/api:2.7.1");
        long stableGeneration = cluster.deployment(NS, APP).getMetadata().getGeneration();
        // An automatic judge checking once an hour: the release stays in Analysing, driven (and its Lease held)
        // all the while, until someone decides.
        ReleasePlan plan = ReleasePlan.ofImages(NS, APP, List.of(ImageChange.parse("web=registry.example.com/shop/api:2.8.0")),
                        CanarySize.count(1), false)
                .withJudge(JudgeSpec.automatic(JudgeSettings.defaults(new MetricsLocation.DemoCluster())
                        .withInterval(Duration.ofHours(1))));
        Console ana = new Console("ana@console-1");
        Console bo = new Console("bo@console-2");
        new ReleaseService(cluster.client, ReleaseSettings.defaults("ana@console-1")).start(plan, true);

        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            for (Console c : List.of(ana, bo)) {
                assertThat(c.latest().phaseLabel()).as(c.identity).isEqualTo("Analysing");
                assertThat(c.latest().driver()).as(c.identity).isIn(ana.identity, bo.identity);
            }
            assertThat(ana.latest().driver()).isEqualTo(bo.latest().driver());
        });
        Console driving = ana.latest().driver().equals(ana.identity) ? ana : bo;
        Console following = driving == ana ? bo : ana;
        assertShownLive(following, driving);

        List<Long> handOverMillis = new ArrayList<>();
        for (int round = 0; round < HAND_OVERS; round++) {
            long closed = System.nanoTime();
            Console leaving = driving;
            leaving.close();
            Console next = following;
            Eventually.assertThat(LEASE, () -> assertThat(next.latest().driver())
                    .as("round %d: %s drives after %s closed", handOverMillis.size(), next.identity, leaving.identity)
                    .isEqualTo(next.identity));
            long millis = Duration.ofNanos(System.nanoTime() - closed).toMillis();
            assertThat(millis).as("hand-over within one Lease duration").isLessThan(LEASE.toMillis());
            handOverMillis.add(millis);
            // The person opens the console again: it follows the one that drives now.
            following = new Console(leaving.identity);
            Console reopened = following;
            Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(reopened.latest().driver())
                    .as("a reopened console follows").isEqualTo(next.identity));
            driving = next;
        }

        // The following console decides; the driving one carries it out, and the follower sees it happen.
        following.session.promote(following.identity);
        Console follower = following;
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            assertThat(follower.latest().phaseLabel()).isEqualTo("Succeeded");
            assertThat(follower.latest().decision().orElseThrow().who()).isEqualTo(follower.identity);
        });
        assertThat(follower.shown).extracting(ReleaseStatus::phaseLabel).contains("Promoting");
        assertThat(cluster.deployment(NS, APP).getMetadata().getGeneration() - stableGeneration)
                .as("stable rolled once").isEqualTo(1);
        assertThat(cluster.deployment(NS, APP + "-canary")).isNull();
        long slowest = handOverMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        long median = handOverMillis.stream().sorted().toList().get(handOverMillis.size() / 2);
        ReliabilityFigures.record("console-handover", """
                | consoles closed while driving | driving handed over within one Lease duration (%d s) | median | slowest |
                |---|---|---|---|
                | %d | %d of %d | %.1f s | %.1f s |

                Each time the other console took the Lease and drove on; a console opened again followed, showing the \
                release live, and the release ended as decided by the follower (stable rolled once).
                """.formatted(LEASE.toSeconds(), HAND_OVERS, handOverMillis.size(), HAND_OVERS, median / 1000.0,
                slowest / 1000.0));
    }

    /** The follower's view shows the phases the driver moved the release through, and who drives. */
    private static void assertShownLive(Console following, Console driving) {
        assertThat(following.shown).extracting(ReleaseStatus::driver).contains(driving.identity);
        assertThat(following.latest().current().orElseThrow().phase()).isEqualTo(new ReleasePhase.Analysing());
        assertThat(following.shown).extracting(ReleaseStatus::phaseLabel).contains("Analysing");
    }
}
