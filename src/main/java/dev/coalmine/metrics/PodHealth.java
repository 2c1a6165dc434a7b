package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;
import java.util.Optional;

/**
 * One pod's health from its status.
 *
 * @param problem why a container is not running, e.g. CrashLoopBackOff or ImagePullBackOff
 */
public record PodHealth(String pod, Track track, boolean ready, int restarts, boolean oomKilled, Optional<String> problem) {
}
