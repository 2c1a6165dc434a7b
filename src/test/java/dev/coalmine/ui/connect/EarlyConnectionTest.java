package dev.coalmine.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's connection made before its window: on the demo cluster's API server over HTTPS. */
class EarlyConnectionTest {
    @TempDir
    Path home;
    private final DemoCluster demo = DemoCluster.start(DemoOptions.defaults());
    private final AtomicBoolean demoStopped = new AtomicBoolean();
    private final AtomicBoolean builtInDemoAsked = new AtomicBoolean();
    private final WorkloadListViewModel workloads = new WorkloadListViewModel(Runnable::run, Runnable::run);

    @AfterEach
    void stop() {
        workloads.disconnect("done");
        stopDemo();
    }

    private void stopDemo() {
        if (demoStopped.compareAndSet(false, true)) {
            demo.close();
        }
    }

    private KubeconfigClusterAccess access(Path kubeconfig) {
        return new KubeconfigClusterAccess(new KubeTarget(Optional.of(kubeconfig), Optional.empty(), Optional.empty()),
                new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), () -> {
                    builtInDemoAsked.set(true);
                    throw new CoalmineException("the built-in demo is not started in this test");
                }, ClusterAddOn.NONE);
    }

    private Path kubeconfig() {
        Path file = home.resolve("config");
        demo.writeKubeconfig(file);
        return file;
    }

    /** The console's requests (not the demo's own) whose path is {@code path}. */
    private long consoleRequests(String method, String path) {
        return demo.requests().recent().stream().filter(r -> !r.userAgent().equals(DemoCluster.OWN_USER_AGENT))
                .filter(r -> r.method().equals(method) && r.path().equals(path) && !r.isWatch()).count();
    }

    @Test
    void connectsAndListsTheNamespacesDeploymentsBeforeTheConsoleAsks() {
        EarlyConnection early = EarlyConnection.start(access(kubeconfig()));

        Eventually.assertThat(() -> assertThat(consoleRequests("GET", "/apis/apps/v1/namespaces/default/deployments"))
                .isEqualTo(1));
        assertThat(consoleRequests("GET", "/version")).isEqualTo(1);

        ConnectionViewModel model = new ConnectionViewModel(early, Runnable::run, Runnable::run, workloads);
        model.start();

        Eventually.assertThat(() -> assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED));
        assertThat(model.statusTextProperty().get()).contains(demo.apiServerUrl());
        Eventually.assertThat(() -> assertThat(workloads.visibleWorkloads()).extracting(WorkloadSummary::name)
                .contains("shop-frontend", "shop-api"));
        // handed the early connection and its listed Deployments: no second connection, no second LIST
        assertThat(consoleRequests("GET", "/version")).isEqualTo(1);
        assertThat(consoleRequests("GET", "/apis/apps/v1/namespaces/default/deployments")).isEqualTo(1);
        assertThat(builtInDemoAsked).isFalse();
    }

    @Test
    void aConnectionThatFailsEarlyIsShownAsAConnectionMadeLaterWouldShowIt() {
        Path kubeconfig = kubeconfig();
        stopDemo(); // nothing listens at the kubeconfig's server any more
        WorkloadListViewModel otherList = new WorkloadListViewModel(Runnable::run, Runnable::run);
        ConnectionViewModel later = new ConnectionViewModel(access(kubeconfig), Runnable::run, Runnable::run, otherList);
        ConnectionViewModel early = new ConnectionViewModel(EarlyConnection.start(access(kubeconfig)), Runnable::run,
                Runnable::run, workloads);

        later.start();
        early.start();

        Eventually.assertThat(() -> assertThat(early.stateProperty().get()).isEqualTo(ConnectionState.FAILED));
        assertThat(later.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(early.statusTextProperty().get()).isEqualTo(later.statusTextProperty().get())
                .contains("coalmine-demo").doesNotContain("Exception");
        assertThat(workloads.emptyMessage().get()).isEqualTo(early.statusTextProperty().get());
    }

    @Test
    void withoutAnInitialChoiceNothingIsConnectedUntilTheOperatorChooses() throws Exception {
        Path broken = Files.writeString(home.resolve("broken"), "apiVersion: v1\nclusters: [\n  - name: x\n");
        EarlyConnection early = EarlyConnection.start(access(broken));

        assertThat(early.choices()).containsExactly(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(early.initialChoice()).isEmpty();
        assertThatThrownBy(() -> early.connect(KubeconfigClusterAccess.DEMO_CHOICE))
                .isInstanceOf(CoalmineException.class).hasMessage("the built-in demo is not started in this test");
        assertThat(builtInDemoAsked).isTrue();
        assertThat(demo.requests().recent().stream().map(RequestCounter.Request::userAgent))
                .containsOnly(DemoCluster.OWN_USER_AGENT);
    }
}
