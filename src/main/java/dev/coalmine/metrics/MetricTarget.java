package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whose metrics to read: a release's tracks in a namespace, with the window of rates ({@code {{interval}}} in
 * queries). {@code deployment} names the release (Coalmine's Deployment, an Argo Rollout, a Flagger Canary's target);
 * a track without a selection (the baseline of an engine's release) is not read.
 */
public record MetricTarget(String namespace, String deployment, Duration interval, Map<Track, TrackSelection> tracks) {
    public MetricTarget {
        if (namespace == null || namespace.isBlank() || deployment == null || deployment.isBlank()) {
            throw new IllegalArgumentException("a metric target needs a namespace and a deployment");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the rate interval must be positive");
        }
        Map<Track, TrackSelection> copy = new EnumMap<>(Track.class);
        copy.putAll(tracks);
        tracks = Collections.unmodifiableMap(copy);
    }

    /** A Coalmine release of the Deployment {@code deployment}: its tracks are {@code name}, {@code name-baseline}, {@code name-canary}. */
    public MetricTarget(String namespace, String deployment, Duration interval) {
        this(namespace, deployment, interval, coalmineTracks(deployment));
    }

    private static Map<Track, TrackSelection> coalmineTracks(String deployment) {
        Map<Track, TrackSelection> tracks = new EnumMap<>(Track.class);
        for (Track track : Track.values()) {
            tracks.put(track, TrackSelection.ofDeployment(track.workloadName(deployment)));
        }
        return tracks;
    }

    public Optional<TrackSelection> selection(Track track) {
        return Optional.ofNullable(tracks.get(track));
    }

    /** Whether the tracks are told apart by pod labels (an engine's release) rather than by Coalmine's track label. */
    public boolean byPodLabels() {
        return tracks.values().stream().anyMatch(TrackSelection::byPodLabels);
    }

    /** The interval as PromQL writes durations: {@code 30s}, {@code 1500ms}. */
    public String promqlInterval() {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
    }
}
