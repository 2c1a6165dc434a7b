package dev.coalmine.ui.connect;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link ClusterAccess} built on its first use, which is on a background thread: building the kubeconfig access
 * (its connector starts slf4j and loads fabric8's configuration classes, ~200 classes) then no longer delays the
 * thread that starts the JavaFX toolkit.
 */
public final class LazyClusterAccess implements ClusterAccess {
    private final Supplier<ClusterAccess> build;
    private ClusterAccess built;

    public LazyClusterAccess(Supplier<ClusterAccess> build) {
        this.build = build;
    }

    private synchronized ClusterAccess access() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }

    @Override
    public List<String> choices() {
        return access().choices();
    }

    @Override
    public Optional<String> initialChoice() {
        return access().initialChoice();
    }

    @Override
    public String sourceDescription() {
        return access().sourceDescription();
    }

    @Override
    public ConnectedCluster connect(String choice) {
        return access().connect(choice);
    }
}
