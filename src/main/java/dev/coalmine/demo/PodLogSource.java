package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;

/**
 * What a simulated container writes to its log, served at {@code /api/v1/namespaces/NS/pods/NAME/log}.
 * Implementations must be repeatable: asking twice for the same range gives the same lines, because
 * {@code kubectl logs -f} asks for consecutive ranges while a plain {@code kubectl logs} asks for all of it.
 */
public interface PodLogSource {

    /** The lines written by {@code container} of {@code pod} with {@code from <= time < to}, oldest first. */
    List<LogLine> lines(Pod pod, String container, Instant from, Instant to);

    /**
     * Writes the pods' logs from the requests the traffic simulation served, once it runs (so logs and metrics come
     * from the same requests). By default the source ignores them.
     */
    default void readRequestsFrom(ServedRequests requests) {
    }

    /** One log line and the time the container wrote it. */
    record LogLine(Instant time, String text) {
    }
}
