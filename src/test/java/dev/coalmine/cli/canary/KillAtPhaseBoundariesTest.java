package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.AutomaticJudgment;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.ReliabilityFigures;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a command-line process at every phase boundary of a release: a real child JVM runs
 * {@code coalmine canary start|promote …} against the demo cluster and is killed (SIGKILL) as soon as the cluster
 * shows it reached the boundary; {@code coalmine canary resume} then carries the release on, and a person decides
 * where the release asks for one. Every release ends in the phase asked for, leaves nothing of Coalmine's behind,
 * and rolls stable exactly once for a promotion (never otherwise). The boundaries are found by watching the state
 * ConfigMap and the Deployments, with no hook in the product; the two workloads run side by side, so that waiting
 * for a killed process's Lease to expire overlaps.
 */
class KillAtPhaseBoundariesTest {
    private static final String NS = "default";
    private static final String FRONTEND = "shop-frontend";
    private static final String API = "shop-api";
    private static final Duration REACH = Duration.ofSeconds(90);
    private static final String FINALIZER = "test.coalmine.dev/hold";

    @TempDir
    Path dir;

    private DemoCluster cluster;
    private KubernetesClient own;
    private Path kubeconfig;
    private ReleaseService reader;

    /** What the cluster shows of a workload's release while the child runs. */
    private record Seen(ReleaseState release, Deployment stable, Deployment canary) {
    }

    /**
     * One boundary: where the child is killed, what it ran, what the cluster must show first, and what the person
     * decides once the resumed release waits for one (null: the automatic judge decides).
     */
    private record Boundary(String name, String app, String killedWhen, List<String> child, Predicate<Seen> reached,
                            String decision, String expectedPhase) {
    }

    /** One row of the figure. */
    private record Outcome(Boundary boundary, String atKill, String phase, int leftBehind, long stableRolls) {
    }

    @Test
    void aCommandKilledAtAnyPhaseBoundaryIsResumedToTheEndAskedFor() throws Exception {
        long started = System.nanoTime();
        cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(slowPulls(SimulationSettings.fast()), TrafficSettings.fast())));
        ExecutorService lanes = Executors.newFixedThreadPool(2);
        try {
            own = cluster.client();
            new TrafficKnobs(own).setRequestsPerSecond(600);
            kubeconfig = dir.resolve("kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            reader = new ReleaseService(own, ReleaseSettings.defaults("test reader"));
            Future<List<Outcome>> frontend = lanes.submit(() -> lane(List.of(afterRecording(), midAnalysis(), midPrimary())));
            Future<List<Outcome>> api = lanes.submit(() -> lane(List.of(midCreate(), midWrapUp(), midWeightChange())));
            List<Outcome> outcomes = new ArrayList<>(frontend.get(5, TimeUnit.MINUTES));
            outcomes.addAll(api.get(5, TimeUnit.MINUTES));
            record(outcomes, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            lanes.shutdownNow();
            cluster.close();
        }
    }

    /** A second's image pull keeps a new canary, and stable's rolling update, in progress long enough to be seen. */
    private static SimulationSettings slowPulls(SimulationSettings fast) {
        return new SimulationSettings(fast.tick(), Duration.ofSeconds(1), fast.containerStart(), fast.readinessCap(),
                fast.crashAfter(), fast.initRun(), fast.backOffBase(), fast.backOffMax(), fast.nodes());
    }

    private List<Outcome> lane(List<Boundary> boundaries) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Boundary b : boundaries) {
            outcomes.add(killAndResume(b));
        }
        return outcomes;
    }

    private Boundary afterRecording() {
        return new Boundary("after recording", FRONTEND, "the state ConfigMap holds the new release",
                start(FRONTEND, "frontend=registry.example.com/shop/frontend:4.1"),
                s -> s.release() != null && s.release().phase() instanceof ReleasePhase.CanaryDeploying,
                "reject", "Rejected");
    }

    private Boundary midCreate() {
        return new Boundary("mid-create", API, "the canary Deployment exists, not ready yet",
                start(API, "api=registry.example.com/shop/api:4.2"),
                s -> s.release() != null && s.release().phase() instanceof ReleasePhase.CanaryDeploying
                        && s.canary() != null && !ready(s.canary()), "promote", "Succeeded");
    }

    private Boundary midAnalysis() {
        List<String> child = new ArrayList<>(start(FRONTEND, "frontend=registry.example.com/shop/frontend:4.3"));
        child.addAll(List.of("--judge", "auto", "--analysis-interval", "3s", "--metrics-preset", "demo"));
        return new Boundary("mid-analysis", FRONTEND, "the automatic judge recorded a check", child,
                s -> s.release() != null && s.release().phase() instanceof ReleasePhase.Analysing
                        && s.release().analysisIfAny().filter(a -> a.checks() >= 1).isPresent(), null, "Succeeded");
    }

    /** The release waits for a person when the child starts: it is {@code canary promote}. */
    private Boundary midPrimary() {
        return new Boundary("mid-primary", FRONTEND, "stable's rolling update is under way",
                List.of("canary", "promote", FRONTEND),
                s -> s.release() != null && s.release().phase() instanceof ReleasePhase.Promoting
                        && rolledBy(s) && !ready(s.stable()), null, "Succeeded");
    }

    /** The canary Deployment holds a foreign finalizer, so its deletion is under way when the child is killed. */
    private Boundary midWrapUp() {
        return new Boundary("mid-wrap-up", API, "the canary's deletion is under way", List.of("canary", "promote", API),
                s -> s.release() != null && s.release().phase() instanceof ReleasePhase.Finalising
                        && s.canary() != null && s.canary().getMetadata().getDeletionTimestamp() != null,
                null, "Succeeded");
    }

    private Boundary midWeightChange() {
        List<String> child = new ArrayList<>(start(API, "api=registry.example.com/shop/api:4.6"));
        child.addAll(List.of("--traffic", "smi", "--steps", "10,20,40", "--step-interval", "2s"));
        return new Boundary("mid-weight-change", API, "the weight moved from 10 % to 20 %", child,
                s -> s.release() != null && s.release().trafficIfAny().map(TrafficState::weight).orElse(0) == 20,
                "promote", "Succeeded");
    }

    private static List<String> start(String app, String image) {
        return List.of("canary", "start", app, "--image", image, "--count", "1");
    }

    private Outcome killAndResume(Boundary b) throws Exception {
        CliRunner cli = new CliRunner(kubeconfig);
        long generation = stable(b.app()).getMetadata().getGeneration();
        Map<String, String> ownedBefore = coalmineObjects(b.app());
        boolean decidesAtStart = b.child().get(1).equals("promote");
        if (decidesAtStart) {
            // The release waits for a person before the child is run: a console started it.
            assertThat(cli.run(start(b.app(), b.app().equals(API) ? "api=registry.example.com/shop/api:4.5"
                    : "frontend=registry.example.com/shop/frontend:4.4").toArray(String[]::new)))
                    .as("%s: start: %s", b.name(), cli.err()).isZero();
            if (b.name().equals("mid-wrap-up")) {
                holdDeletion(b.app() + "-canary", true);
            }
        }
        int number = reader.storedHistory(NS, b.app()).nextNumber() - (decidesAtStart ? 1 : 0);
        CliProcess child = CliProcess.start(kubeconfig, dir, b.child().toArray(String[]::new));
        awaitBoundary(b, number, child);
        assertThat(child.alive()).as("%s: the command still ran when the boundary was reached", b.name()).isTrue();
        int killed = child.killHard();
        // An exit of its own here means the command ended at the boundary: its last words say why.
        assertThat(killed).as("%s: killed by SIGKILL; the command said: %s", b.name(), child.err()).isEqualTo(137);
        ReleaseState atKill = current(b.app());
        boolean canaryAtKill = stable(b.app() + "-canary") != null;
        String killedAt = atKill.phase().label() + (canaryAtKill ? "" : ", no canary yet");
        if (canaryAtKill && !b.name().equals("mid-wrap-up")) {
            assertThat(leftBehind(b.app(), ownedBefore)).as("the check sees the canary").contains("Deployment/" + b.app()
                    + "-canary");
        }
        if (b.name().equals("mid-wrap-up")) {
            holdDeletion(b.app() + "-canary", false);
        }

        int resumed = cli.run("canary", "resume", b.app());
        assertThat(resumed).as("%s: resume: %s", b.name(), cli.err()).isZero();
        if (b.decision() != null) {
            assertThat(cli.run("canary", b.decision(), b.app())).as("%s: %s: %s", b.name(), b.decision(), cli.err())
                    .isZero();
        }
        ReleaseState done = current(b.app());
        assertThat(done.number()).isEqualTo(number);
        assertThat(done.phase().label()).as("%s: %s", b.name(), done.log()).isEqualTo(b.expectedPhase());
        if (b.decision() == null && !decidesAtStart) {
            assertThat(done.decision().who()).isEqualTo(AutomaticJudgment.WHO);
        }
        Eventually.assertThat(Duration.ofSeconds(30), () -> {
            assertThat(leftBehind(b.app(), ownedBefore)).as("%s: Coalmine's objects left behind", b.name()).isEmpty();
            assertThat(Stream.of("-canary", "-baseline").map(track -> stable(b.app() + track)).filter(Objects::nonNull))
                    .as("%s: canary or baseline Deployments, also terminating ones", b.name()).isEmpty();
        });
        int left = leftBehind(b.app(), ownedBefore).size();
        long rolls = stable(b.app()).getMetadata().getGeneration() - generation;
        assertThat(rolls).as("%s: rolling updates of stable", b.name())
                .isEqualTo(b.expectedPhase().equals("Succeeded") ? 1 : 0);
        return new Outcome(b, killedAt, done.phase().label(), left, rolls);
    }

    private void awaitBoundary(Boundary b, int number, CliProcess child) throws InterruptedException {
        long deadline = System.nanoTime() + REACH.toNanos();
        while (true) {
            ReleaseState release = reader.storedHistory(NS, b.app()).current().filter(r -> r.number() == number)
                    .orElse(null);
            if (b.reached().test(new Seen(release, stable(b.app()), stable(b.app() + "-canary")))) {
                return;
            }
            assertThat(child.alive()).as("%s: the command ended before the boundary: %s", b.name(), child.err())
                    .isTrue();
            assertThat(System.nanoTime()).as("%s: boundary reached within %s", b.name(), REACH).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private ReleaseState current(String app) {
        ReleaseHistory history = reader.storedHistory(NS, app);
        return history.current().orElseThrow();
    }

    private void holdDeletion(String deployment, boolean hold) {
        Deployments.holdDeletion(own, NS, deployment, FINALIZER, hold);
    }

    private Deployment stable(String name) {
        return own.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static boolean ready(Deployment d) {
        var status = d.getStatus();
        int wanted = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
        return status != null && Objects.equals(status.getObservedGeneration(), d.getMetadata().getGeneration())
                && Optional.ofNullable(status.getReadyReplicas()).orElse(0) >= wanted
                && Optional.ofNullable(status.getUpdatedReplicas()).orElse(0) >= wanted;
    }

    private static boolean rolledBy(Seen s) {
        return s.stable().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                .equals(s.release().plan().images().get(0).image());
    }

    /** Every object of Coalmine's that belongs to {@code app}, kind/name → uid, leaving out those being deleted. */
    private Map<String, String> coalmineObjects(String app) {
        Map<String, String> objects = new TreeMap<>();
        Stream.of(own.apps().deployments().inNamespace(NS).list().getItems(),
                        own.apps().replicaSets().inNamespace(NS).list().getItems(),
                        own.pods().inNamespace(NS).list().getItems(),
                        own.services().inNamespace(NS).list().getItems(),
                        own.configMaps().inNamespace(NS).list().getItems(),
                        own.secrets().inNamespace(NS).list().getItems())
                .flatMap(List::stream)
                .filter(o -> o.getMetadata().getName().startsWith(app + "-"))
                .filter(o -> o.getMetadata().getDeletionTimestamp() == null)
                .filter(o -> coalmines(Optional.ofNullable(o.getMetadata().getLabels()).orElse(Map.of())))
                .forEach(o -> objects.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getUid()));
        return objects;
    }

    /** Labelled as Coalmine's, or as a canary's or baseline's (their pods carry only the track labels). */
    private static boolean coalmines(Map<String, String> labels) {
        return "coalmine".equals(labels.get("app.kubernetes.io/managed-by"))
                || Set.of("canary", "baseline").contains(labels.getOrDefault("coalmine.dev/track", ""));
    }

    private List<String> leftBehind(String app, Map<String, String> before) {
        Set<String> kept = before.keySet();
        return coalmineObjects(app).keySet().stream().filter(k -> !kept.contains(k)).collect(Collectors.toList());
    }

    private static String how(Boundary b) {
        return b.decision() != null ? b.decision() + " after resume"
                : b.child().get(1).equals("promote") ? "promote, before the kill" : "the automatic judge, after resume";
    }

    private static void record(List<Outcome> outcomes, long seconds) {
        String rows = outcomes.stream().map(o -> "| %s | `%s` | %s (%s) | %s (%s) | %d | %d |".formatted(
                o.boundary().name(), String.join(" ", o.boundary().child().subList(0, 3)), o.boundary().killedWhen(),
                o.atKill(), o.phase(), how(o.boundary()), o.leftBehind(), o.stableRolls()))
                .collect(Collectors.joining("\n"));
        ReliabilityFigures.record("kill-at-boundaries", """
                | killed (SIGKILL) | command | when the cluster showed (phase at the kill) | ended (decision) | objects left behind | rolling updates of stable |
                |---|---|---|---|---|---|
                %s

                %d of %d boundaries ended in the phase asked for after `coalmine canary resume` (%d s, child JVMs on \
                one demo cluster, two workloads side by side).
                """.formatted(rows, outcomes.size(), outcomes.size(), seconds));
    }
}
