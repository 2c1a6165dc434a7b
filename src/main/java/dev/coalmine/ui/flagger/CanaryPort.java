package dev.coalmine.ui.flagger;

import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.GateAction;
import java.util.Optional;
import java.util.function.Consumer;

/** One Flagger Canary as its view-model follows and steers it; blocking calls, made off the UI thread. */
public interface CanaryPort {
    /** Snapshots arrive on a background thread; empty while the Canary does not exist. */
    AutoCloseable watch(Consumer<Optional<CanarySnapshot>> snapshots);

    /** Calls the load tester's gate API. */
    void call(GateAction action);
}
