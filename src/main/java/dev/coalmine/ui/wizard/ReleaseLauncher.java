package dev.coalmine.ui.wizard;

import dev.coalmine.core.release.ReleasePlan;
import java.util.Optional;

/** What the wizard needs of the release engine. All calls block: run them off the UI thread. */
public interface ReleaseLauncher {
    /** Renders every object the plan creates or changes, dry-runs them and checks RBAC; changes nothing. */
    ReleasePreview preview(ReleasePlan plan);

    /** Records and starts the release; the engine drives it from there. */
    void start(ReleasePlan plan);

    /** A description of the workload's unfinished release ("release 3 is in phase AwaitingJudgment"), if any. */
    Optional<String> unfinishedRelease(String namespace, String deployment);
}
