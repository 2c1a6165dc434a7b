package dev.coalmine.ui;

import dev.coalmine.core.workload.EngineStatus;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.argo.ArgoRolloutView;
import dev.coalmine.ui.argo.OpenArgoRollout;
import dev.coalmine.ui.flagger.FlaggerCanaryView;
import dev.coalmine.ui.flagger.OpenFlaggerCanary;
import dev.coalmine.ui.connect.ConnectedCluster;
import dev.coalmine.ui.rollout.OpenRollout;
import dev.coalmine.ui.rollout.RolloutView;
import dev.coalmine.ui.rollout.RolloutViewModel;
import dev.coalmine.ui.wizard.WizardView;
import dev.coalmine.ui.wizard.WizardViewModel;
import dev.coalmine.ui.workloads.WorkloadDetailsView;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.stage.WindowEvent;

/**
 * The right-hand side of the console: the selected workload's details, the canary wizard, or the rollout
 * view of its release. Selecting a workload that has a release opens that release.
 */
public final class ContentArea extends StackPane {
    private final WorkloadListViewModel workloads;
    private final ObservableObjectValue<ConnectedCluster> connection;
    private final ExecutorService background;
    private final UiThread ui;
    private final WorkloadDetailsView details;
    private EngineGateway engine;
    private OpenRollout session;
    private AutoCloseable engineView;
    private String shownKey;

    public ContentArea(WorkloadListViewModel workloads, ObservableObjectValue<ConnectedCluster> connection,
            ExecutorService background, UiThread ui) {
        this.workloads = workloads;
        this.connection = connection;
        this.background = background;
        this.ui = ui;
        setId("content-area");
        details = new WorkloadDetailsView(workloads, this::startWizard);
        getChildren().setAll(details);
        engine = engineFor(connection.get()); // the window adds this area after its first frame: maybe connected by then
        connection.addListener((obs, old, cluster) -> {
            closeSession();
            engine = engineFor(cluster);
            shownKey = null;
            show(details);
        });
        workloads.selectedProperty().addListener((obs, old, workload) -> selected(workload));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closeSession());
                    }
                });
            }
        });
    }

    private static EngineGateway engineFor(ConnectedCluster cluster) {
        return cluster == null ? null
                : new EngineGateway(cluster.client(), cluster.cache(), EngineGateway.consoleIdentity(),
                        cluster.metricSources());
    }

    private void selected(WorkloadSummary workload) {
        String key = workload == null ? null : workload.key();
        if (Objects.equals(key, shownKey)) {
            return;
        }
        shownKey = key;
        closeSession();
        show(details);
        if (workload != null && workload.engine().isPresent()) {
            openEngineView(workload);
        } else if (workload != null && engine != null) {
            String name = workload.name();
            EngineGateway current = engine;
            background.execute(() -> {
                try {
                    boolean hasRelease = current.hasRelease(workload.namespace(), workload.name());
                    ui.execute(() -> {
                        if (hasRelease && workload.key().equals(shownKey) && current == engine) {
                            openRelease(workload);
                        }
                    });
                } catch (RuntimeException e) {
                    ui.execute(() -> details.showProblem("Cannot read the release state: " + e.getMessage()));
                }
            });
        }
    }

    /** Opens the wizard for the workload. */
    public void startWizard(WorkloadSummary workload) {
        ConnectedCluster cluster = connection.get();
        if (cluster == null || engine == null) {
            return;
        }
        closeSession();
        boolean demo = cluster.isDemo();
        WizardViewModel wizard = new WizardViewModel(workload, demo, engine, background, ui, this::openRelease);
        show(new WizardView(wizard, () -> show(details)));
    }

    /** Shows the workload's release, live, driving it from this console while no other process does. */
    public void openRelease(WorkloadSummary workload) {
        if (connection.get() == null || engine == null) {
            return;
        }
        closeSession();
        shownKey = workload.key();
        OpenRollout opening = new OpenRollout(engine.open(workload.namespace(), workload.name()), background, ui);
        session = opening;
        opening.open();
        show(new RolloutView(opening, () -> startWizard(workloads.find(workload.name()).orElse(workload))));
    }

    /** Shows an Argo Rollout's or a Flagger Canary's view, live, with the commands its engine allows. */
    private void openEngineView(WorkloadSummary workload) {
        ConnectedCluster cluster = connection.get();
        if (cluster == null) {
            return;
        }
        if (workload.engine().get().kind() == EngineStatus.Kind.ROLLOUT) {
            OpenArgoRollout rollout = new OpenArgoRollout(cluster.cache(), cluster.client(), workload.namespace(),
                    workload.name(), background, ui);
            engineView = rollout;
            rollout.open();
            show(new ArgoRolloutView(rollout));
        } else {
            OpenFlaggerCanary canary = new OpenFlaggerCanary(cluster.cache(), cluster.client(), workload.namespace(),
                    workload.name(), background, ui);
            engineView = canary;
            canary.open();
            show(new FlaggerCanaryView(canary));
        }
    }

    private void show(Node node) {
        getChildren().setAll(node);
    }

    private void closeSession() {
        if (engineView != null) {
            AutoCloseable closing = engineView;
            engineView = null;
            background.execute(() -> {
                try {
                    closing.close();
                } catch (Exception ignored) {
                    // its watches already ended with the connection
                }
            });
        }
        if (session != null) {
            OpenRollout closing = session;
            session = null;
            background.execute(closing::close);
        }
    }
}
