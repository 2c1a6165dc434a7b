package dev.coalmine.ui.connect;

import java.util.List;
import java.util.Optional;

/** The clusters the operator can connect to: kubeconfig contexts and the built-in demo cluster. */
public interface ClusterAccess {
    /** Names to offer, loaded again on every call (kubeconfig files may have changed). */
    List<String> choices();

    /** What to connect to at start: the current context, or the demo cluster when there is no kubeconfig. */
    Optional<String> initialChoice();

    /** A one-line note about where the choices came from, or what was wrong with them. */
    String sourceDescription();

    /** Connects; blocking, so callers run it off the UI thread. Throws CoalmineException with a clear message. */
    ConnectedCluster connect(String choice);
}
