package dev.coalmine.metrics;

import dev.coalmine.core.judge.Track;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Health of a release's pods without Prometheus: readiness, restarts and OOM kills from pod status, and CPU and
 * memory from metrics.k8s.io when the cluster serves it. A pod's track is its {@code coalmine.dev/track} label
 * (absent = stable); its pods are found through the selectors of the track Deployments.
 */
public final class KubernetesHealthSource {
    public static final String TRACK_LABEL = "coalmine.dev/track";
    private final KubernetesClient client;
    private final WorkloadReads reads;

    /** Reads the workloads and their pods over the API. */
    public KubernetesHealthSource(KubernetesClient client) {
        this(client, WorkloadReads.over(client));
    }

    /** @param reads where the Deployments and pods come from (the API, or a shared cache) */
    public KubernetesHealthSource(KubernetesClient client, WorkloadReads reads) {
        this.client = client;
        this.reads = reads;
    }

    /** Health per track; tracks whose Deployment does not exist are absent. */
    public Map<Track, TrackHealth> health(String namespace, String deployment) {
        Map<Track, TrackHealth> result = new EnumMap<>(Track.class);
        Map<Track, Deployment> workloads = workloadsOf(namespace, deployment);
        Map<String, Pod> pods = podsOf(namespace, workloads);
        for (Track track : workloads.keySet()) {
            List<PodHealth> ofTrack = pods.values().stream().filter(p -> trackOf(p).filter(track::equals).isPresent())
                    .map(p -> healthOf(p, track)).toList();
            result.put(track, new TrackHealth(track, ofTrack));
        }
        return result;
    }

    /** Health per track of {@code target}: a Coalmine release's as {@link #health(String, String)}, else its pods by label. */
    public Map<Track, TrackHealth> health(MetricTarget target) {
        if (!target.byPodLabels()) {
            return health(target.namespace(), target.deployment());
        }
        Map<Track, TrackHealth> result = new EnumMap<>(Track.class);
        selectedPods(target).forEach((track, pods) -> result.put(track,
                new TrackHealth(track, pods.stream().map(p -> healthOf(p, track)).toList())));
        return result;
    }

    /** The pods of each track that {@code target} selects by pod labels. */
    private Map<Track, List<Pod>> selectedPods(MetricTarget target) {
        Map<Track, List<Pod>> pods = new EnumMap<>(Track.class);
        target.tracks().forEach((track, selection) -> pods.put(track, reads.pods(target.namespace(),
                new LabelSelectorBuilder().withMatchLabels(selection.podLabels()).build())));
        return pods;
    }

    /**
     * CPU and memory of the pods of {@code target}'s tracks.
     *
     * @throws MetricsNotServedException when the cluster has no metrics.k8s.io (metrics-server is not installed)
     */
    public List<PodUsage> usage(MetricTarget target) {
        String namespace = target.namespace();
        Map<String, Track> tracks = new HashMap<>();
        if (target.byPodLabels()) {
            selectedPods(target).forEach((track, pods) -> pods.forEach(p -> tracks.put(p.getMetadata().getName(), track)));
        } else {
            podsOf(namespace, workloadsOf(namespace, target.deployment())).forEach((name, pod) ->
                    trackOf(pod).ifPresent(track -> tracks.put(name, track)));
        }
        List<PodMetrics> metrics;
        try {
            metrics = client.top().pods().inNamespace(namespace).metrics().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 503) {
                throw new MetricsNotServedException("The cluster does not serve metrics.k8s.io (HTTP " + e.getCode()
                        + "), so pod CPU and memory are not available. Install metrics-server to see them;"
                        + " the judge does not need them.", e);
            }
            throw new MetricSourceException("Reading pod CPU and memory in namespace " + namespace + " failed: "
                    + e.getMessage() + ". Check the connection to the cluster.", e);
        }
        List<PodUsage> usage = new ArrayList<>();
        for (PodMetrics m : metrics) {
            Track track = tracks.get(m.getMetadata().getName());
            if (track != null) {
                usage.add(new PodUsage(m.getMetadata().getName(), track,
                        sum(m, "cpu").movePointRight(3).doubleValue(), sum(m, "memory").longValue()));
            }
        }
        return usage;
    }

    private Map<Track, Deployment> workloadsOf(String namespace, String deployment) {
        Map<Track, Deployment> workloads = new EnumMap<>(Track.class);
        for (Track track : Track.values()) {
            Deployment workload = reads.deployment(namespace, track.workloadName(deployment));
            if (workload != null) {
                workloads.put(track, workload);
            }
        }
        return workloads;
    }

    /** The pods selected by any of the track Deployments, by name (selectors of the tracks often overlap). */
    private Map<String, Pod> podsOf(String namespace, Map<Track, Deployment> workloads) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Deployment workload : workloads.values()) {
            if (workload.getSpec() == null || workload.getSpec().getSelector() == null) {
                continue;
            }
            reads.pods(namespace, workload.getSpec().getSelector())
                    .forEach(p -> pods.putIfAbsent(p.getMetadata().getName(), p));
        }
        return pods;
    }

    private static Optional<Track> trackOf(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        try {
            return Optional.of(Track.ofLabel(labels == null ? null : labels.get(TRACK_LABEL)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PodHealth healthOf(Pod pod, Track track) {
        var status = pod.getStatus();
        List<ContainerStatus> containers = status == null ? List.of() : Stream.concat(
                Optional.ofNullable(status.getInitContainerStatuses()).orElse(List.of()).stream(),
                Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream()).toList();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        int restarts = containers.stream().map(ContainerStatus::getRestartCount).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        boolean oomKilled = containers.stream().anyMatch(c -> "OOMKilled".equals(terminatedReason(c)));
        Optional<String> problem = containers.stream()
                .map(c -> c.getState() != null && c.getState().getWaiting() != null ? c.getState().getWaiting().getReason() : null)
                .filter(Objects::nonNull).findFirst();
        return new PodHealth(pod.getMetadata().getName(), track, ready, restarts, oomKilled, problem);
    }

    private static String terminatedReason(ContainerStatus c) {
        return Stream.of(c.getState(), c.getLastState()).filter(Objects::nonNull)
                .map(s -> s.getTerminated()).filter(Objects::nonNull).map(ContainerStateTerminated::getReason)
                .filter(Objects::nonNull).filter("OOMKilled"::equals).findFirst().orElse(null);
    }

    private static BigDecimal sum(PodMetrics metrics, String resource) {
        return metrics.getContainers().stream().map(c -> c.getUsage() == null ? null : c.getUsage().get(resource))
                .filter(Objects::nonNull).map(Quantity::getNumericalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
