package dev.coalmine.ui.rollout;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseStatus;
import java.util.Optional;
import java.util.function.Consumer;

/** What the rollout view-model needs of an open release (the engine's release session); calls may block. */
public interface ReleaseFollower {
    /** Calls {@code changed} with the release now and whenever it changes, on a background thread; close to stop. */
    AutoCloseable watch(Consumer<ReleaseStatus> changed);

    /** Lets the engine carry the release forward from this process; {@code problems} hears of failed drives. */
    void driveInBackground(Consumer<Optional<String>> problems);

    ReleaseState promote();

    ReleaseState reject();

    /** Lets a step paused for a person go on. */
    ReleaseState resume();
}
