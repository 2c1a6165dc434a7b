package dev.coalmine.core.feed;

import dev.coalmine.core.judge.Track;

/** Whose logs to follow: one pod, or every pod of one track of a release (pods come and go). */
public sealed interface PodSelection {
    boolean includes(String podName);

    record OnePod(String pod) implements PodSelection {
        @Override
        public boolean includes(String podName) {
            return pod.equals(podName);
        }
    }

    record TrackPods(String workload, Track track) implements PodSelection {
        @Override
        public boolean includes(String podName) {
            return new ReleaseObjectNames(workload).trackOfPod(podName).equals(java.util.Optional.of(track));
        }
    }
}
