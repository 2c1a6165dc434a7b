package dev.coalmine.ui.argo;

import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutPatches;
import dev.coalmine.core.argo.RolloutSnapshot;
import java.util.Optional;
import java.util.function.Consumer;

/** One Rollout as its view-model follows and commands it; blocking calls, made off the UI thread. */
public interface RolloutPort {
    /** Snapshots arrive on a background thread; empty while the Rollout does not exist. */
    AutoCloseable watch(Consumer<Optional<RolloutSnapshot>> snapshots);

    /** The patches {@code command} would send now, decided from the live Rollout. */
    RolloutPatches plan(RolloutCommand command);

    void apply(RolloutPatches patches);
}
