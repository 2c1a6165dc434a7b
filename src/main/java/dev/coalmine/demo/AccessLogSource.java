package dev.coalmine.demo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The default {@link PodLogSource}: a start-up banner, then one web access-log line per request. While the traffic
 * simulation runs ({@link #readRequestsFrom}), the lines are the requests it served and counted in its metrics, with
 * their status and duration, so a canary answering 10 % of requests with 500 logs about 10 % 500s; a request that
 * carried the trainer's header ends with it quoted, {@code "x-canary: always"}. Without it (an
 * API server alone), plausible lines are made up, one per {@link #INTERVAL} tick, from the pod's name and image:
 * images whose reference contains {@code faulty} log some 500s, {@code slow} ones long durations. Either way every
 * range can be asked for again and gives the same lines. An init container logs only what it did before it
 * completed.
 */
public final class AccessLogSource implements PodLogSource {
    static final Duration INTERVAL = Duration.ofMillis(1500);
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {"/", "/api/products", "/api/products/42", "/api/cart", "/healthz",
            "/static/app.js", "/api/checkout"};

    private volatile ServedRequests served;

    @Override
    public void readRequestsFrom(ServedRequests requests) {
        served = requests;
    }

    @Override
    public List<LogLine> lines(Pod pod, String container, Instant from, Instant to) {
        Instant start = startOf(pod);
        Optional<Container> init = initContainer(pod, container);
        if (init.isPresent()) {
            return initLines(init.get(), start, from, to);
        }
        String image = imageOf(pod, container);
        List<LogLine> out = new ArrayList<>();
        if (!start.isBefore(from) && start.isBefore(to)) {
            out.add(new LogLine(start, "starting " + image + " in pod " + pod.getMetadata().getName()));
            out.add(new LogLine(start, "listening on :8080"));
        }
        ServedRequests traffic = served;
        if (traffic != null) {
            // A pod the simulation does not serve (not running, or not ready) served nothing: no access lines.
            traffic.served(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), from, to)
                    .orElse(List.of()).forEach(r -> out.add(new LogLine(r.at(), servedLine(pod, r))));
            return out;
        }
        long first = Math.max(1, ticksBetween(start, from));
        for (long tick = first;; tick++) {
            Instant time = start.plus(INTERVAL.multipliedBy(tick));
            if (!time.isBefore(to)) {
                break;
            }
            if (!time.isBefore(from)) {
                out.add(new LogLine(time, accessLine(pod, image, tick, time)));
            }
        }
        return out;
    }

    private static List<LogLine> initLines(Container init, Instant start, Instant from, Instant to) {
        if (start.isBefore(from) || !start.isBefore(to)) {
            return List.of();
        }
        return List.of(new LogLine(start, "init container " + init.getName() + " running " + init.getImage()),
                new LogLine(start, "init container " + init.getName() + " done"));
    }

    private static Optional<Container> initContainer(Pod pod, String container) {
        List<Container> inits = pod.getSpec().getInitContainers();
        return inits == null ? Optional.empty() : inits.stream().filter(c -> c.getName().equals(container)).findFirst();
    }

    private static long ticksBetween(Instant start, Instant from) {
        long millis = Duration.between(start, from).toMillis();
        return millis <= 0 ? 0 : millis / INTERVAL.toMillis();
    }

    private static String accessLine(Pod pod, String image, long tick, Instant time) {
        SplittableRandom random = new SplittableRandom(pod.getMetadata().getName().hashCode() * 31L + tick);
        String path = PATHS[random.nextInt(PATHS.length)];
        int status = image.contains("faulty") && random.nextInt(10) == 0 ? 500
                : random.nextInt(1000) == 0 ? 503 : 200;
        double seconds = (0.02 + random.nextDouble() * 0.06) * (image.contains("slow") ? 3 : 1);
        return line(random, path, time, status, seconds);
    }

    /** Common Log Format plus the duration in seconds; client and size drawn from {@code random}. */
    private static String line(SplittableRandom random, String path, Instant time, int status, double seconds) {
        String client = "10.244.0." + (1 + random.nextInt(250));
        return String.format(Locale.ROOT, "%s - - [%s] \"GET %s HTTP/1.1\" %d %d %.3f", client, CLF.format(time),
                path, status, status == 200 ? 200 + random.nextInt(4000) : 0, seconds);
    }

    private static String servedLine(Pod pod, ServedRequests.ServedRequest request) {
        SplittableRandom random = new SplittableRandom(pod.getMetadata().getName().hashCode() * 31L + request.sequence());
        String line = line(random, PATHS[random.nextInt(PATHS.length)], request.at(), request.status(),
                request.seconds());
        return request.header().isEmpty() ? line : line + " \"" + request.header().replaceFirst("=", ": ") + "\"";
    }

    private static Instant startOf(Pod pod) {
        String started = pod.getStatus() != null && pod.getStatus().getStartTime() != null
                ? pod.getStatus().getStartTime() : pod.getMetadata().getCreationTimestamp();
        return started == null ? Instant.EPOCH : Instant.parse(started);
    }

    private static String imageOf(Pod pod, String container) {
        return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container))
                .map(Container::getImage).findFirst().orElse("unknown");
    }
}
