package dev.coalmine.ui.rollout;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseStatus;
import java.util.function.Consumer;

/** What the rollout view needs of the engine; every call blocks, so the view-model runs them off the UI thread. */
public interface ReleaseActionsGateway {
    ReleaseStatus status(String namespace, String deployment);

    /** Calls back on a background thread whenever the stored release changes; close to stop. */
    AutoCloseable watch(String namespace, String deployment, Runnable changed);

    /** Carries the release forward in this process (or watches while another process holds the Lease). */
    ReleaseState drive(String namespace, String deployment, Consumer<ReleaseState> progress);

    ReleaseState promote(String namespace, String deployment);

    ReleaseState reject(String namespace, String deployment);
}
