package dev.coalmine.ui;

import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.workload.EngineStatus;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.argo.ArgoRolloutView;
import dev.coalmine.ui.argo.OpenArgoRollout;
import dev.coalmine.ui.flagger.FlaggerCanaryView;
import dev.coalmine.ui.flagger.OpenFlaggerCanary;
import dev.coalmine.ui.connect.ConnectedCluster;
import dev.coalmine.ui.history.ReleaseHistoryView;
import dev.coalmine.ui.history.ReleaseHistoryViewModel;
import dev.coalmine.ui.history.ReleasePages;
import dev.coalmine.ui.overview.ReleasesOverviewView;
import dev.coalmine.ui.overview.ReleasesOverviewViewModel;
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
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.WindowEvent;

/**
 * The right-hand side of the console: the selected workload's details, the canary wizard, the rollout view of its
 * release or its release history, or the releases in progress everywhere. Selecting a workload that has a release
 * opens that release.
 */
public final class ContentArea extends StackPane {
    private final WorkloadListViewModel workloads;
    private final ObservableObjectValue<ConnectedCluster> connection;
    private final ExecutorService background;
    private final UiThread ui;
    private final WorkloadDetailsView details;
    private EngineGateway engine;
    private OpenRollout session;
    /** The history's, the overview's or an Argo/Flagger view's live feed, closed with the page. */
    private AutoCloseable page;
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
            // After a reconnect (F5) the list keeps its selection, and an equal workload fires no change: reopen it.
            if (cluster != null) {
                selected(workloads.selectedProperty().get());
            }
        });
        workloads.selectedProperty().addListener((obs, old, workload) -> selected(workload));
        // The window adds this area to a scene that is already in it, so the current window counts as well as a later one.
        sceneProperty().flatMap(Scene::windowProperty).subscribe(window -> {
            if (window != null) {
                window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closeSession());
            }
        });
    }

    private static EngineGateway engineFor(ConnectedCluster cluster) {
        return cluster == null ? null
                : new EngineGateway(cluster.client(), cluster.cache(), EngineGateway.consoleIdentity(),
                        cluster.metricSources(), cluster.retries());
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
        WizardViewModel wizard = new WizardViewModel(workload, demo, engine, background, ui, this::openRelease,
                this::openHandedOff);
        show(new WizardView(wizard, () -> show(details)));
    }

    /** Shows the workload's release, live, driving it from this console while no other process does. */
    public void openRelease(WorkloadSummary workload) {
        openRelease(workload.namespace(), workload.name(),
                () -> startWizard(workloads.find(workload.name()).orElse(workload)));
    }

    private void openRelease(String namespace, String name, Runnable newCanary) {
        if (connection.get() == null || engine == null) {
            return;
        }
        closeSession();
        shownKey = "Deployment/" + name;
        OpenRollout opening = new OpenRollout(engine.open(namespace, name), background, ui);
        session = opening;
        opening.open();
        show(new ReleasePages(namespace, name, new RolloutView(opening, newCanary), false, () -> { },
                () -> showHistory(namespace, name, newCanary)));
    }

    /** Opens the release of a workload that may be in another namespace than the list shows. */
    private void openRelease(String namespace, String name) {
        openRelease(namespace, name, () -> workloads.find(name).filter(w -> w.namespace().equals(namespace))
                .ifPresent(this::startWizard));
    }

    /** Shows every recorded release of the workload, live; any of them read-only. */
    private void showHistory(String namespace, String name, Runnable newCanary) {
        if (engine == null) {
            return;
        }
        closeSession();
        ReleaseHistoryViewModel history = new ReleaseHistoryViewModel(namespace, name, engine, background, ui);
        page = history;
        history.open();
        Runnable showRelease = () -> openRelease(namespace, name, newCanary);
        show(new ReleasePages(namespace, name, new ReleaseHistoryView(history, r -> showRelease.run()), true,
                showRelease, () -> { }));
    }

    /** Shows every release in progress in the namespaces the user may list ({@code shownNamespace} if none). */
    public void showOverview(String shownNamespace) {
        if (engine == null) {
            return;
        }
        closeSession();
        ReleasesOverviewViewModel overview = new ReleasesOverviewViewModel(engine, shownNamespace, background, ui);
        page = overview;
        overview.open();
        show(new ReleasesOverviewView(overview, r -> openRelease(r.namespace(), r.deployment())));
    }

    /** Shows an Argo Rollout's or a Flagger Canary's view, live, with the commands its engine allows. */
    private void openEngineView(WorkloadSummary workload) {
        openEngineView(workload.namespace(), workload.name(), workload.engine().get().kind());
    }

    /** After a hand-off, the engine's view of the release: its Rollout or Canary is named like the Deployment. */
    private void openHandedOff(WorkloadSummary workload, Engine handedTo) {
        openEngineView(workload.namespace(), workload.name(),
                handedTo == Engine.FLAGGER ? EngineStatus.Kind.CANARY : EngineStatus.Kind.ROLLOUT);
    }

    private void openEngineView(String namespace, String name, EngineStatus.Kind kind) {
        ConnectedCluster cluster = connection.get();
        if (cluster == null) {
            return;
        }
        if (kind == EngineStatus.Kind.ROLLOUT) {
            OpenArgoRollout rollout = new OpenArgoRollout(cluster.cache(), cluster.client(), cluster.metricSources(), namespace, name,
                    background, ui);
            page = rollout;
            rollout.open();
            show(new ArgoRolloutView(rollout));
        } else {
            OpenFlaggerCanary canary = new OpenFlaggerCanary(cluster.cache(), cluster.client(), cluster.metricSources(), namespace, name,
                    background, ui);
            page = canary;
            canary.open();
            show(new FlaggerCanaryView(canary));
        }
    }

    private void show(Node node) {
        getChildren().setAll(node);
    }

    private void closeSession() {
        if (page != null) {
            AutoCloseable closing = page;
            page = null;
            background.execute(() -> {
                try {
                    closing.close();
                } catch (Exception ignored) {
                    // a feed whose connection dropped has nothing left to close
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
