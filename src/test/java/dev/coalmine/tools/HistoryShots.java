package dev.coalmine.tools;

import dev.coalmine.App;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.demo.ConsoleDemo;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.testing.Deployments;
import dev.coalmine.ui.ConsoleLauncher;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Screenshots of the release history and the releases overview at 1280×800: a pipeline makes a small past on the
 * demo cluster (a faulty release the judge rejected, one a person promoted, three in progress in two namespaces),
 * then the console shows them. Run under Xvfb: {@code xvfb-run -a -s "-screen 0 1280x800x24" java …
 * HistoryShots OUTDIR [dark]}.
 */
public final class HistoryShots {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private HistoryShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/history-shots");
        boolean dark = args.length > 1 && args[1].equals("dark");
        String suffix = dark ? "-dark" : "";
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("coalmine-shots");
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try (ConsoleDemo demo = new ConsoleDemo(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())))) {
            demo.kubeconfig();
            DemoCluster cluster = demo.running().orElseThrow();
            makeAPast(cluster.client());
            KubeconfigClusterAccess access = new KubeconfigClusterAccess(KubeTarget.defaults(),
                    new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), demo::kubeconfig,
                    App.demoAddOn());
            Stage[] stage = new Stage[1];
            Platform.startup(() -> {
                stage[0] = new Stage();
                ConsoleLauncher.show(stage[0], access, background).start();
                stage[0].setX(0);
                stage[0].setY(0);
                stage[0].setWidth(1280);
                stage[0].setHeight(800);
            });
            await(() -> onFx(() -> workloads(stage[0]) != null && workloads(stage[0]).getItems().size() >= 2));
            if (dark) {
                fire(stage[0], "#theme-toggle");
            }
            onFx(() -> {
                TableView<dev.coalmine.core.workload.WorkloadSummary> table = workloads(stage[0]);
                table.getItems().stream().filter(w -> w.name().equals("shop-frontend")).findFirst()
                        .ifPresent(w -> table.getSelectionModel().select(w));
                return null;
            });
            await(() -> find(stage[0], "#pages-history") != null);
            fire(stage[0], "#pages-history");
            fire(stage[0], "#toggle-workloads"); // the history gets the whole width, the overview shares it with the list
            await(() -> find(stage[0], "#history-table") != null && onFx(() -> history(stage[0]).getItems().size() >= 3));
            onFx(() -> {
                history(stage[0]).getSelectionModel().select(2);
                return null;
            });
            Thread.sleep(1_500);
            shot(out.resolve("release-history" + suffix + ".png"));
            fire(stage[0], "#toggle-workloads");
            fire(stage[0], "#releases-overview-button");
            await(() -> find(stage[0], "#overview-table") != null
                    && onFx(() -> ((TableView<?>) stage[0].getScene().lookup("#overview-table")).getItems().size() >= 3));
            Thread.sleep(1_500);
            shot(out.resolve("releases-overview" + suffix + ".png"));
            Platform.exit();
        }
        System.exit(0);
    }

    /** Two finished releases of shop-frontend and three in progress, in two namespaces, each driven by a pipeline. */
    private static void makeAPast(KubernetesClient client) throws Exception {
        new TrafficKnobs(client).setRequestsPerSecond(600);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("payments").endMetadata()
                .build()).create();
        client.apps().deployments().inNamespace("payments")
                .resource(Deployments.of("payments", "ledger", 3, "registry.example.com/payments/ledger:5.0")).create();
        ReleaseService pipeline = new ReleaseService(client, new ClusterCache(client),
                ReleaseSettings.defaults("ci-bot@pipeline"), PrometheusAuth.none(),
                App.demoAddOn().detect(client).metricSources());
        awaitSteady(client, "default", "shop-frontend", 4);
        awaitSteady(client, "default", "shop-api", 2);
        awaitSteady(client, "payments", "ledger", 3);

        pipeline.start(automatic("default", "shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.0-faulty"), false);
        drive(pipeline, "default", "shop-frontend", ReleaseState::finished);
        pipeline.start(ReleasePlan.ofImages("default", "shop-frontend",
                List.of(ImageChange.parse("frontend=registry.example.com/shop/frontend:1.4.0")), CanarySize.count(1), true), false);
        drive(pipeline, "default", "shop-frontend", s -> s.phase().awaitingDecision());
        pipeline.promote("default", "shop-frontend", "alice@laptop (demo-admin, console)");
        drive(pipeline, "default", "shop-frontend", ReleaseState::finished);
        awaitSteady(client, "default", "shop-frontend", 4);

        pipeline.start(automatic("default", "shop-frontend", "frontend=registry.example.com/shop/frontend:1.4.1"), false);
        pipeline.start(ReleasePlan.ofImages("default", "shop-api",
                List.of(ImageChange.parse("api=registry.example.com/shop/api:2.8.0")), CanarySize.percent(50), true), false);
        pipeline.start(ReleasePlan.ofImages("payments", "ledger",
                List.of(ImageChange.parse("app=registry.example.com/payments/ledger:5.1")), CanarySize.count(1), false), false);
        for (String[] release : new String[][] {{"default", "shop-frontend"}, {"default", "shop-api"}, {"payments", "ledger"}}) {
            pipeline.session(release[0], release[1]).driveInBackground(problem -> { });
        }
        Thread.sleep(12_000);
    }

    private static ReleasePlan automatic(String namespace, String name, String image) {
        JudgeSettings judge = JudgeSettings.defaults(new MetricsLocation.DemoCluster()).withInterval(Duration.ofSeconds(3))
                .withAnalysis(AnalysisPolicy.defaults().withMaxFailedChecks(2).withPassingChecksToPromote(1000)
                        .withMaxInconclusiveChecks(100));
        return ReleasePlan.ofImages(namespace, name, List.of(ImageChange.parse(image)), CanarySize.count(1), true)
                .withJudge(JudgeSpec.automatic(judge)).withSteadyStateTimeout(Duration.ofSeconds(60));
    }

    private static void drive(ReleaseService pipeline, String namespace, String name, Predicate<ReleaseState> until) {
        pipeline.drive(namespace, name, until, WAIT, state -> { });
    }

    private static void awaitSteady(KubernetesClient client, String namespace, String name, int replicas) throws Exception {
        await(() -> {
            var d = client.apps().deployments().inNamespace(namespace).withName(name).get();
            return d != null && d.getStatus() != null && Integer.valueOf(replicas).equals(d.getStatus().getAvailableReplicas())
                    && Integer.valueOf(replicas).equals(d.getStatus().getUpdatedReplicas());
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<dev.coalmine.core.workload.WorkloadSummary> workloads(Stage stage) {
        return (TableView<dev.coalmine.core.workload.WorkloadSummary>) stage.getScene().lookup("#workload-table");
    }

    private static TableView<?> history(Stage stage) {
        return (TableView<?>) stage.getScene().lookup("#history-table");
    }

    private static Node find(Stage stage, String selector) {
        try {
            return onFx(() -> stage.getScene() == null ? null : stage.getScene().lookup(selector));
        } catch (Exception e) {
            return null;
        }
    }

    private static void fire(Stage stage, String selector) throws Exception {
        onFx(() -> {
            if (stage.getScene().lookup(selector) instanceof ButtonBase b) {
                b.fire();
            }
            return null;
        });
        Thread.sleep(300);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        return future.get();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (RuntimeException ignored) {
                // not there yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the console did not get there in 2 minutes");
    }

    private static void shot(Path file) throws Exception {
        Thread.sleep(800);
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("screenshot " + file);
    }
}
