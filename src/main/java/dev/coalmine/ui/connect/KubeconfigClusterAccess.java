package dev.coalmine.ui.connect;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.addon.ClusterAddOn;
import dev.coalmine.kube.config.ClusterConnection;
import dev.coalmine.kube.config.ClusterConnector;
import dev.coalmine.kube.config.KubeContext;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeTarget;
import dev.coalmine.kube.config.KubeconfigException;
import dev.coalmine.kube.config.KubeconfigLoader;
import dev.coalmine.kube.config.KubeconfigSet;
import dev.coalmine.kube.config.NamespaceListing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The operator's kubeconfig contexts, plus the built-in demo cluster. */
public final class KubeconfigClusterAccess implements ClusterAccess {
    public static final String DEMO_CHOICE = "Demo cluster (built-in)";
    private static final String DEMO_CONTEXT = "coalmine-demo";

    private final KubeTarget target;
    private final KubeEnvironment environment;
    private final KubeconfigLoader loader;
    private final ClusterConnector connector;
    private final Supplier<Path> demoKubeconfig;
    private final ClusterAddOn addOn;
    private volatile Optional<KubeconfigSet> loaded = Optional.empty();
    private volatile String source = "";

    /**
     * @param demoKubeconfig starts the demo cluster on first use and returns the kubeconfig it wrote
     * @param addOn looks at every cluster once when it connects and registers what belongs there (the demo's parts)
     */
    public KubeconfigClusterAccess(KubeTarget target, KubeEnvironment environment, ClusterConnector connector,
            Supplier<Path> demoKubeconfig, ClusterAddOn addOn) {
        this.target = target;
        this.environment = environment;
        this.loader = new KubeconfigLoader(environment);
        this.connector = connector;
        this.demoKubeconfig = demoKubeconfig;
        this.addOn = addOn;
    }

    @Override
    public List<String> choices() {
        List<String> names = new ArrayList<>();
        try {
            KubeconfigSet set = loader.load(target.kubeconfig());
            loaded = Optional.of(set);
            set.contexts().forEach(c -> names.add(c.name()));
            source = set.isEmpty() ? "The kubeconfig has no contexts; the demo cluster is available"
                    : "Contexts from " + set.sources().stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("");
        } catch (KubeconfigException e) {
            loaded = Optional.empty();
            source = noKubeconfigAtAll() ? "No kubeconfig found: using the built-in demo cluster" : e.getMessage();
        }
        names.add(DEMO_CHOICE);
        return names;
    }

    @Override
    public Optional<String> initialChoice() {
        if (target.context().isPresent()) {
            return target.context();
        }
        Optional<String> current = loaded.flatMap(KubeconfigSet::current).map(KubeContext::name);
        if (current.isPresent()) {
            return current;
        }
        return noKubeconfigAtAll() ? Optional.of(DEMO_CHOICE) : Optional.empty();
    }

    @Override
    public String sourceDescription() {
        return source;
    }

    @Override
    public ConnectedCluster connect(String choice) {
        ClusterConnection connection;
        if (DEMO_CHOICE.equals(choice)) {
            Path kubeconfig = demoKubeconfig.get();
            StartupTrace.mark("demo kubeconfig");
            connection = connector.connect(loader.load(Optional.of(kubeconfig)), DEMO_CONTEXT);
        } else {
            KubeconfigSet set = loaded.orElseGet(() -> loader.load(target.kubeconfig()));
            connection = connector.connect(set, choice);
        }
        StartupTrace.mark("client built, version read");
        NamespaceListing namespaces = connection.namespaces();
        StartupTrace.mark("namespaces listed");
        String namespace = target.namespace().orElse(connection.namespace());
        return new ConnectedCluster(choice, namespace, connection.serverVersion(), connection.user(),
                connection.serverUrl(), namespaces.names(), namespaces.allowed(), connection.client(), connection,
                addOn.detect(connection.client()), connection.retries());
    }

    /** True when the operator has no kubeconfig anywhere kubectl would look: the demo cluster is then the default. */
    private boolean noKubeconfigAtAll() {
        return target.kubeconfig().isEmpty() && environment.kubeconfigVariable().isEmpty()
                && !Files.exists(environment.home().resolve(".kube").resolve("config"));
    }
}
