package dev.coalmine.bench;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.testing.Deployments;
import dev.coalmine.ui.FxUiThread;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A namespace with 5,000 Deployments on an empty demo cluster without simulation: from "show this namespace" until
 * the console's workload list model holds all 5,000 (on the FX thread), against {@code kubectl get deploy -n NS}.
 */
class WorkloadListBench {
    private static final int DEPLOYMENTS = 5_000;
    private static final int REPETITIONS = 5;
    private static final String NS = "bench-many";

    @Test
    void workloadList() throws Exception {
        FxToolkit.registerPrimaryStage();
        double[] ours = new double[REPETITIONS];
        double[] ref = new double[REPETITIONS];
        ExecutorService background = Executors.newCachedThreadPool();
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults().empty())) {
            createDeployments(cluster.client());
            Path kubeconfig = Files.createTempFile("bench-list", ".kubeconfig");
            cluster.writeKubeconfig(kubeconfig);
            BenchKubectl kubectl = new BenchKubectl(kubeconfig);
            kubectl.run("get", "namespaces"); // a warm discovery cache, as on an operator's machine
            WorkloadListViewModel model = WaitForAsyncUtils.asyncFx(
                    () -> new WorkloadListViewModel(background, new FxUiThread())).get();
            timeOurs(model, cluster.client()); // warm-up: class loading and JIT, as in a console that has run a while
            for (int i = 0; i < REPETITIONS; i++) {
                ours[i] = timeOurs(model, cluster.client());
                ref[i] = timeKubectl(kubectl);
            }
            Files.deleteIfExists(kubeconfig);
        } finally {
            background.shutdownNow();
        }
        double oursMs = BenchReport.median(ours);
        double refMs = BenchReport.median(ref);
        BenchReport.record("workload-list", oursMs, refMs, "ms", "ratio<=1.5",
                BenchReport.ratioAtMost(oursMs, refMs, 1.5),
                BenchKubectl.name() + " get deploy, warm discovery cache");
    }

    private static void createDeployments(KubernetesClient client) throws InterruptedException {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        IntStream.range(0, DEPLOYMENTS).forEach(i -> writers.execute(() -> client.apps().deployments().inNamespace(NS)
                .resource(Deployments.of(NS, String.format("svc-%04d", i), 2, "registry.example.com/svc:" + i)).create()));
        writers.shutdown();
        if (!writers.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("creating " + DEPLOYMENTS + " Deployments took more than 5 minutes");
        }
        int count = client.apps().deployments().inNamespace(NS).list().getItems().size();
        if (count != DEPLOYMENTS) {
            throw new IllegalStateException("expected " + DEPLOYMENTS + " Deployments, the server has " + count);
        }
    }

    /** From show() until the model's visible list has every Deployment, seen on the FX thread. */
    private static double timeOurs(WorkloadListViewModel model, KubernetesClient client) throws Exception {
        CompletableFuture<Long> full = new CompletableFuture<>();
        ListChangeListener<Object> watcher = c -> {
            if (c.getList().size() == DEPLOYMENTS) {
                full.complete(System.nanoTime());
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            model.disconnect("bench");
            model.visibleWorkloads().addListener(watcher);
        }).get();
        long start = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> model.show("namespace " + NS,
                listener -> WorkloadFeed.open(new ClusterCache(client), NS, listener))).get();
        long done = full.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> model.visibleWorkloads().removeListener(watcher)).get();
        return (done - start) / 1e6;
    }

    private static double timeKubectl(BenchKubectl kubectl) {
        long start = System.nanoTime();
        String table = kubectl.run("get", "deploy", "-n", NS);
        long done = System.nanoTime();
        long rows = table.lines().count() - 1;
        if (rows != DEPLOYMENTS) {
            throw new IllegalStateException("kubectl listed " + rows + " Deployments, expected " + DEPLOYMENTS);
        }
        return (done - start) / 1e6;
    }
}
