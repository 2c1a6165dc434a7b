package dev.coalmine.bench;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import dev.coalmine.ui.FxUiThread;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new image is set on a Deployment of the demo cluster (simulated controllers, fast settings); from that moment:
 * how long until the console's workload table row (the {@link WorkloadListViewModel}'s list the table shows, already
 * open as in a running console) shows the rollout's final state, seen on the FX thread, against how long a
 * {@code kubectl rollout status} started at the same moment takes to return. Taking the row's last change, not the
 * first steady one, keeps the two on the same condition: kubectl also waits for the old replicas to be gone.
 */
class RolloutNoticedBench {
    private static final int REPETITIONS = 5;
    private static final String NS = "default";
    private static final String APP = "shop-api";

    @Test
    void rolloutNoticed() throws Exception {
        FxToolkit.registerPrimaryStage();
        double[] ours = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        AtomicReference<Watched> watched = new AtomicReference<>();
        ExecutorService background = Executors.newCachedThreadPool();
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponent(new ClusterSimulation(SimulationSettings.fast())))) {
            WorkloadListViewModel model = WaitForAsyncUtils.asyncFx(() -> {
                WorkloadListViewModel list = new WorkloadListViewModel(background, new FxUiThread());
                list.visibleWorkloads().addListener((ListChangeListener<WorkloadSummary>) change -> {
                    Watched w = watched.get();
                    if (w != null) {
                        change.getList().stream().filter(row -> row.name().equals(APP)).findFirst()
                                .filter(row -> row.images().contains(w.image()))
                                .ifPresent(row -> w.lastUpdate().set(row.isSteady() ? System.nanoTime() : 0));
                    }
                });
                list.show("namespace " + NS, listener -> WorkloadFeed.open(new ClusterCache(cluster.client()), NS, listener));
                return list;
            }).get();
            Path kubeconfig = Files.createTempFile("bench-rollout", ".kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            BenchKubectl kubectl = new BenchKubectl(kubeconfig);
            kubectl.run("get", "deployments", "-n", NS); // a warm discovery cache, as on an operator's machine
            for (int i = 0; i < REPETITIONS; i++) {
                Settled.await(cluster.client(), NS, APP);
                String image = "registry.example.com/shop/api:4." + i + ".0";
                Watched w = new Watched(image, new AtomicLong());
                watched.set(w);
                long start = System.nanoTime();
                cluster.client().apps().deployments().inNamespace(NS).withName(APP).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                    return d;
                });
                Process status = kubectl.start("rollout", "status", "-n", NS, "deployment/" + APP, "--timeout=120s");
                String output = new String(status.getInputStream().readAllBytes());
                if (!status.waitFor(120, TimeUnit.SECONDS) || status.exitValue() != 0) {
                    throw new IllegalStateException("kubectl rollout status failed: " + output);
                }
                long kubectlDone = System.nanoTime();
                Settled.await(cluster.client(), NS, APP);
                WaitForAsyncUtils.waitForFxEvents();
                long oursDone = w.lastUpdate().get();
                if (oursDone == 0) {
                    throw new IllegalStateException("the workload table never showed " + APP + " steady on " + image);
                }
                ours[i] = (oursDone - start) / 1e6;
                ref[i] = (kubectlDone - start) / 1e6;
            }
            WaitForAsyncUtils.asyncFx(() -> model.disconnect("bench over")).get();
            Files.deleteIfExists(kubeconfig);
        } finally {
            background.shutdownNow();
        }
        double oursMs = BenchReport.median(ours);
        double refMs = BenchReport.median(ref);
        BenchReport.record("rollout-noticed", oursMs, refMs, "ms", "ratio<=1.0",
                BenchReport.ratioAtMost(oursMs, refMs, 1.0),
                BenchKubectl.name() + " rollout status, warm discovery cache; ours: the workload table's row on the FX thread");
    }

    /** When the table's row last changed to the rollout's state, if that change showed it steady (else 0). */
    private record Watched(String image, AtomicLong lastUpdate) {
    }
}
