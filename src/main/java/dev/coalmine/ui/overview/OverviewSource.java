package dev.coalmine.ui.overview;

import dev.coalmine.kube.release.InProgressRelease;
import dev.coalmine.kube.release.ListingForbiddenException;
import java.util.List;
import java.util.function.Consumer;

/** What the releases overview needs of the engine; calls may block. */
public interface OverviewSource {
    /**
     * Calls {@code changed} with the unfinished releases in {@code namespace} (null: in all namespaces) now and after
     * every change, on a background thread; close to stop.
     *
     * @throws ListingForbiddenException when the user may not list them there
     */
    AutoCloseable followReleasesInProgress(String namespace, Consumer<List<InProgressRelease>> changed);
}
