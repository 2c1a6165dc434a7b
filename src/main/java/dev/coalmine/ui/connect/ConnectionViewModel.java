package dev.coalmine.ui.connect;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.kube.engines.InstalledEngines;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.ui.UiThread;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The connection bar: which cluster and namespace, and how the connection is doing. */
public final class ConnectionViewModel {
    static final String READING_KUBECONFIG = "Reading the kubeconfig\u2026";

    private final ClusterAccess access;
    private final Executor background;
    private final UiThread ui;
    private final WorkloadListViewModel workloads;

    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final StringProperty choice = new SimpleStringProperty();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final StringProperty namespace = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyObjectWrapper<ConnectedCluster> connected = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> shownNamespace = new SimpleObjectProperty<>();
    private long attempt;

    public ConnectionViewModel(ClusterAccess access, Executor background, UiThread ui,
            WorkloadListViewModel workloads) {
        this.access = access;
        this.background = background;
        this.ui = ui;
        this.workloads = workloads;
    }

    /** Loads the choices and connects to the initial one. */
    public void start() {
        statusText.set(READING_KUBECONFIG);
        workloads.disconnect(READING_KUBECONFIG);
        background.execute(() -> {
            List<String> loaded = access.choices();
            String initial = access.initialChoice().orElse(null);
            String source = access.sourceDescription();
            ui.execute(() -> {
                choices.setAll(loaded);
                statusText.set(source);
                if (initial != null) {
                    choice.set(initial);
                    connect();
                } else {
                    workloads.disconnect("Not connected");
                }
            });
        });
    }

    /** Connects to the chosen cluster, replacing any current connection. */
    public void connect() {
        String target = choice.get();
        if (target == null || target.isBlank()) {
            statusText.set("Choose a context or the demo cluster first");
            return;
        }
        long mine = ++attempt;
        closeCurrent();
        state.set(ConnectionState.CONNECTING);
        statusText.set("Connecting to " + target + "\u2026");
        workloads.disconnect("Connecting to " + target + "\u2026");
        background.execute(() -> {
            try {
                ConnectedCluster cluster = access.connect(target);
                ui.execute(() -> connected(mine, cluster));
            } catch (CoalmineException e) {
                ui.execute(() -> failed(mine, e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> failed(mine, "Cannot connect to " + target + ": " + e.getMessage()));
            }
        });
    }

    private void connected(long mine, ConnectedCluster cluster) {
        if (mine != attempt) {
            closeQuietly(cluster.resources());
            return;
        }
        StartupTrace.mark("connected on FX");
        connected.set(cluster);
        namespaces.setAll(cluster.namespaces());
        state.set(ConnectionState.CONNECTED);
        statusText.set(cluster.summary() + (cluster.namespacesListable() ? ""
                : " \u00b7 namespaces cannot be listed here: type one"));
        namespace.set(cluster.namespace());
        // The namespace picker (a ComboBox) commits a changed value itself, which showed the list already.
        if (!Objects.equals(cluster.namespace(), shownNamespace.get())) {
            showNamespace();
        }
    }

    private void failed(long mine, String message) {
        if (mine != attempt) {
            return;
        }
        state.set(ConnectionState.FAILED);
        statusText.set(message);
        workloads.disconnect(message);
    }

    /** Shows the Deployments of the namespace in the field (called when the operator commits it). */
    public void showNamespace() {
        ConnectedCluster cluster = connected.get();
        String ns = namespace.get() == null ? "" : namespace.get().strip();
        if (cluster == null || ns.isEmpty()) {
            return;
        }
        if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || ns.length() > 63) {
            statusText.set("\u201c" + ns + "\u201d is not a valid namespace name (lower-case letters, digits and '-')");
            return;
        }
        shownNamespace.set(ns);
        workloads.show("namespace " + ns,
                listener -> WorkloadFeed.open(cluster.cache(), () -> InstalledEngines.detect(cluster.client()), ns,
                        listener));
    }

    public void disconnect() {
        ++attempt;
        closeCurrent();
        state.set(ConnectionState.DISCONNECTED);
        statusText.set("Not connected");
        workloads.disconnect("Not connected");
    }

    private void closeCurrent() {
        ConnectedCluster old = connected.get();
        connected.set(null);
        shownNamespace.set(null);
        if (old != null) {
            background.execute(() -> closeQuietly(old.resources()));
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the connection is being dropped; a failure to close it leaves nothing to undo
        }
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public StringProperty choiceProperty() {
        return choice;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectedCluster> connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The namespace whose workloads are shown, or null. */
    public ObjectProperty<String> shownNamespaceProperty() {
        return shownNamespace;
    }
}
