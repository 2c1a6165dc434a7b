package dev.coalmine.core.feed;

import dev.coalmine.core.judge.Track;
import java.util.Set;

/** Whose logs to follow: one pod, or every pod of some tracks of one release (pods come and go). */
public sealed interface PodSelection {
    boolean includes(String podName);

    record OnePod(String pod) implements PodSelection {
        @Override
        public boolean includes(String podName) {
            return pod.equals(podName);
        }
    }

    /** The pods of {@code tracks} of {@code workload}: canary and baseline together make one release view's logs. */
    record TrackPods(String workload, Set<Track> tracks) implements PodSelection {
        public TrackPods {
            tracks = Set.copyOf(tracks);
        }

        public TrackPods(String workload, Track track) {
            this(workload, Set.of(track));
        }

        @Override
        public boolean includes(String podName) {
            return new ReleaseObjectNames(workload).trackOfPod(podName).filter(tracks::contains).isPresent();
        }
    }
}
