package dev.coalmine.demo.server;

import dev.coalmine.demo.PodLogSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code GET .../pods/NAME/log}: container, tailLines, sinceSeconds, timestamps; follow is streamed by the server. */
final class PodLogs {
    /** How far back a log goes at most, so an old pod does not produce an endless history. */
    private static final Duration HISTORY = Duration.ofHours(1);

    private final ClusterStore store;
    private final PodLogSource source;

    PodLogs(ClusterStore store, PodLogSource source) {
        this.store = store;
        this.source = source;
    }

    /** The pod and container a log request is for. */
    record Target(Pod pod, String container, boolean timestamps, String objectPath) {
    }

    Target target(ApiPath path) {
        Pod pod = store.read(path.objectPath()).map(o -> Serialization.unmarshal(Json.write(o), Pod.class))
                .orElseThrow(() -> new ApiFailure(StatusResponses.notFound(path)));
        List<String> names = pod.getSpec() == null ? List.of()
                : pod.getSpec().getContainers().stream().map(Container::getName).toList();
        List<String> initNames = pod.getSpec() == null || pod.getSpec().getInitContainers() == null ? List.of()
                : pod.getSpec().getInitContainers().stream().map(Container::getName).toList();
        String container = path.param("container");
        if (container == null || container.isEmpty()) {
            if (names.size() != 1) {
                throw new ApiFailure(StatusResponses.failure(400, "BadRequest", "a container name must be "
                        + "specified for pod " + path.name() + ", choose one of: " + names));
            }
            container = names.get(0);
        } else if (!names.contains(container) && !initNames.contains(container)) {
            throw new ApiFailure(StatusResponses.failure(400, "BadRequest", "container " + container
                    + " is not valid for pod " + path.name()));
        }
        return new Target(pod, container, "true".equals(path.param("timestamps")), path.objectPath());
    }

    /** The log written so far, honouring tailLines and sinceSeconds. */
    String history(Target target, ApiPath path, Instant now) {
        Instant from = now.minus(HISTORY);
        if (path.param("sinceSeconds") != null) {
            from = now.minusSeconds(Long.parseLong(path.param("sinceSeconds")));
        }
        List<PodLogSource.LogLine> lines = source.lines(target.pod(), target.container(), from, now);
        if (path.param("tailLines") != null) {
            int tail = Integer.parseInt(path.param("tailLines"));
            lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
        }
        return format(target, lines);
    }

    /** What a read of a followed log sends, and where the next read starts. */
    record Followed(String text, Instant next) {
    }

    /**
     * What was written in [from, to), for following a log. The traffic simulation writes a slice's requests when the
     * slice ends, dated within it: the next read starts after the newest line sent, not at this read's end, or the
     * lines dated before that end but written after it would never be sent.
     */
    Followed after(Target target, Instant from, Instant to) {
        List<PodLogSource.LogLine> lines = source.lines(target.pod(), target.container(), from, to);
        Instant next = lines.stream().map(PodLogSource.LogLine::time).max(Instant::compareTo)
                .map(newest -> newest.plusNanos(1)).orElse(from);
        return new Followed(format(target, lines), next);
    }

    boolean stillExists(Target target) {
        return store.read(target.objectPath()).isPresent();
    }

    MockResponse snapshot(ApiPath path) {
        Target target = target(path);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                .setBody(history(target, path, Instant.now()));
    }

    private static String format(Target target, List<PodLogSource.LogLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (PodLogSource.LogLine line : lines) {
            if (target.timestamps()) {
                sb.append(line.time()).append(' ');
            }
            sb.append(line.text()).append('\n');
        }
        return sb.toString();
    }
}
