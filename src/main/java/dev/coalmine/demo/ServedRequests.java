package dev.coalmine.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The requests the demo's traffic simulation served, per pod: the one record its metrics are counted from and its
 * pods' access logs are written from, so that logs and metrics tell the same story.
 */
public interface ServedRequests {
    /**
     * One simulated request. {@code sequence} numbers a pod's requests from 1, so a log line is always the same;
     * {@code header} is the {@code NAME=VALUE} it carried (the trainer's header knob), empty for none.
     */
    record ServedRequest(Instant at, int status, double seconds, long sequence, String header) {
    }

    /**
     * The requests {@code pod} served with {@code from <= at < to}, oldest first, as far back as they are kept; empty
     * when the simulation does not serve the pod (it is not running).
     */
    Optional<List<ServedRequest>> served(String namespace, String pod, Instant from, Instant to);
}
