package dev.coalmine.core.feed;

import dev.coalmine.core.judge.Track;
import java.util.Set;

/** Whose logs to follow: one pod, or every pod of some tracks of one release (pods come and go). */
public sealed interface PodSelection {
    /**
     * @param workloadLabel the pod's {@code coalmine.dev/workload} label (the stable Deployment it was made for), or
     *                      null on pods made before that label existed
     */
    boolean includes(String podName, String workloadLabel);

    record OnePod(String pod) implements PodSelection {
        @Override
        public boolean includes(String podName, String workloadLabel) {
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

        /** The label decides when the pod has it: names alone can match another workload's pods. */
        @Override
        public boolean includes(String podName, String workloadLabel) {
            return (workloadLabel == null || workloadLabel.equals(workload))
                    && new ReleaseObjectNames(workload).trackOfPod(podName).filter(tracks::contains).isPresent();
        }
    }
}
