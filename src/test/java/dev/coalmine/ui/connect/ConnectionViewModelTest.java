package dev.coalmine.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionViewModelTest {
    @TempDir
    Path home;
    private final CrudApiServer api = new CrudApiServer();
    private final WorkloadListViewModel workloads = new WorkloadListViewModel(Runnable::run, Runnable::run);
    private boolean demoStarted;

    @AfterEach
    void stop() {
        workloads.disconnect("done");
        api.close();
    }

    private ConnectionViewModel model(Optional<Path> kubeconfig) {
        KubeTarget target = new KubeTarget(kubeconfig, Optional.empty(), Optional.empty());
        KubeconfigClusterAccess access = new KubeconfigClusterAccess(target,
                new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), () -> {
                    demoStarted = true;
                    throw new CoalmineException("demo not started in this test");
                }, ClusterAddOn.NONE);
        return new ConnectionViewModel(access, Runnable::run, Runnable::run, workloads);
    }

    /** A kubeconfig whose current context "staging" points at namespace shop, which runs Deployment frontend. */
    private Path stagingWithShopFrontend() throws Exception {
        api.client().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
        api.client().resource(Deployments.of("shop", "frontend", 4, "shop/frontend:1.3.0")).create();
        return api.writeKubeconfig(home.resolve("config"), "staging", "shop");
    }

    @Test
    void connectsToTheCurrentContextAndShowsItsNamespace() throws Exception {
        ConnectionViewModel model = model(Optional.of(stagingWithShopFrontend()));
        model.start();

        Eventually.assertThat(() -> assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED));
        assertThat(model.choices()).containsExactly("staging", KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(model.namespaceProperty().get()).isEqualTo("shop");
        assertThat(model.namespaces()).contains("shop");
        assertThat(model.statusTextProperty().get()).contains("staging-user", api.url());
        Eventually.assertThat(() -> assertThat(workloads.visibleWorkloads())
                .extracting(WorkloadSummary::name).containsExactly("frontend"));
        assertThat(demoStarted).isFalse();
    }

    /**
     * The namespace picker is a ComboBox, which fires its action (showNamespace) on every value change, also the one
     * connecting makes: the list was opened twice, with an extra discovery request each connect.
     */
    @Test
    void connectingOpensTheNamespacesListOnceEvenWhereThePickerCommitsTheNewValue() throws Exception {
        ConnectionViewModel model = model(Optional.of(stagingWithShopFrontend()));
        model.namespaceProperty().addListener((o, was, now) -> model.showNamespace());
        api.takeRequestsFor("/apis");

        model.start();

        Eventually.assertThat(() -> assertThat(workloads.visibleWorkloads())
                .extracting(WorkloadSummary::name).containsExactly("frontend"));
        assertThat(api.takeRequestsFor("/apis")).as("discovery of the installed engines, once").isEqualTo(1);
    }

    @Test
    void whileTheKubeconfigIsReadTheBarAndTheListSaySo() throws Exception {
        Path kubeconfig = api.writeKubeconfig(home.resolve("config"), "staging", "default");
        KubeTarget target = new KubeTarget(Optional.of(kubeconfig), Optional.empty(), Optional.empty());
        java.util.List<Runnable> backgroundTasks = new java.util.ArrayList<>();
        ConnectionViewModel model = new ConnectionViewModel(new KubeconfigClusterAccess(target,
                new KubeEnvironment(Optional.empty(), home, "/usr/bin:/bin"), new ClusterConnector(), () -> {
                    throw new CoalmineException("demo not started in this test");
                }, ClusterAddOn.NONE), backgroundTasks::add, Runnable::run, workloads);

        model.start();

        assertThat(model.statusTextProperty().get()).isEqualTo("Reading the kubeconfig\u2026");
        assertThat(workloads.emptyMessage().get()).isEqualTo("Reading the kubeconfig\u2026");
        backgroundTasks.remove(0).run(); // the kubeconfig read; then connecting to its current context
        assertThat(model.statusTextProperty().get()).isEqualTo("Connecting to staging\u2026");
        assertThat(workloads.emptyMessage().get()).isEqualTo("Connecting to staging\u2026");
    }

    @Test
    void aMalformedKubeconfigIsShownAsAMessageAndNothingConnects() throws Exception {
        Path kubeconfig = Files.writeString(home.resolve("broken"), "apiVersion: v1\nclusters: [\n  - name: x\n");

        ConnectionViewModel model = model(Optional.of(kubeconfig));
        model.start();

        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(model.statusTextProperty().get()).contains(kubeconfig.toString()).doesNotContain("Exception");
        assertThat(workloads.emptyMessage().get()).isEqualTo("Not connected");
        assertThat(model.choices()).containsExactly(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(demoStarted).isFalse();
    }

    @Test
    void withNoKubeconfigAtAllTheDemoClusterIsTheDefault() {
        ConnectionViewModel model = model(Optional.empty());
        model.start();

        assertThat(demoStarted).isTrue();
        assertThat(model.choiceProperty().get()).isEqualTo(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(model.statusTextProperty().get()).isEqualTo("demo not started in this test");
    }

    @Test
    void anUnreachableServerFailsWithAClearMessage() throws Exception {
        Path kubeconfig = api.writeKubeconfig(home.resolve("config"), "gone", "default");
        api.close();

        ConnectionViewModel model = model(Optional.of(kubeconfig));
        model.start();

        Eventually.assertThat(() -> assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.FAILED));
        assertThat(model.statusTextProperty().get()).contains("gone").doesNotContain("secret-test-token");
        assertThat(workloads.emptyMessage().get()).isEqualTo(model.statusTextProperty().get());
    }
}
