package dev.coalmine.ui.history;

import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import java.util.Optional;
import java.util.function.Consumer;

/** What the history view needs of the engine; calls may block. */
public interface HistorySource {
    /** Calls {@code changed} with the stored history now and after every change (on a background thread). */
    AutoCloseable followHistory(String namespace, String deployment, Consumer<ReleaseHistory> changed,
                                Consumer<String> problems);

    /** The plan body of a finished release that moved to a ConfigMap of its own, read back. */
    Optional<String> movedPlanBody(ReleaseState release);
}
