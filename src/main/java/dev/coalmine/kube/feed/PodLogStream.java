package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.FeedSink;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.LogLines;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Follows one container's log ({@code kubectl logs -f --timestamps}) on the thread that runs it, until
 * closed. When the stream ends (the connection dropped, the container restarted, or the server serves
 * logs in pieces), it resumes from the last line's timestamp with {@code sinceTime}, skipping lines it
 * already delivered. A server that does not timestamp lines cannot be resumed without repeating them, so
 * then the stream waits for the next container instance (a restart) before reading again. fabric8 hands an
 * error answer's body (a {@code Status}) over as if it were the log: such a stream is not read as lines; a refusal
 * (401, 403) is told once as a line of its own, and the stream is asked for again with back-off, in case the
 * permission comes.
 */
final class PodLogStream implements Runnable, AutoCloseable {
    private enum Outcome { FAILED, EMPTY, TIMED_LINES, UNTIMED_LINES }

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String podUid;
    private final String container;
    private final FeedSink<LogLine> sink;
    private final PodLogFeed.Options options;
    private final Object lock = new Object();
    private int containerInstance;
    private boolean closed;
    private LogWatch current;
    private Instant lastTime;
    private boolean refusalTold;

    PodLogStream(KubernetesClient client, String namespace, String pod, String podUid, String container,
                 int containerInstance, FeedSink<LogLine> sink, PodLogFeed.Options options) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.podUid = podUid;
        this.container = container;
        this.containerInstance = containerInstance;
        this.sink = sink;
        this.options = options;
    }

    String podUid() {
        return podUid;
    }

    /** The container's restart count as last seen: a higher one wakes a stream that waits for a restart. */
    void containerInstance(int restartCount) {
        synchronized (lock) {
            if (restartCount > containerInstance) {
                containerInstance = restartCount;
                lock.notifyAll();
            }
        }
    }

    @Override
    public void run() {
        Duration delay = options.reconnectDelay();
        boolean first = true;
        while (!isClosed()) {
            int instance;
            synchronized (lock) {
                instance = containerInstance;
            }
            Outcome outcome = followOnce(first);
            first = false;
            if (outcome == Outcome.TIMED_LINES) {
                delay = options.reconnectDelay();
            }
            synchronized (lock) {
                try {
                    if (outcome == Outcome.UNTIMED_LINES) {
                        while (!closed && containerInstance == instance) {
                            lock.wait();
                        }
                    } else if (!closed) {
                        lock.wait(delay.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (outcome != Outcome.TIMED_LINES) {
                delay = min(delay.multipliedBy(2), options.maxReconnectDelay());
            }
        }
    }

    private Outcome followOnce(boolean first) {
        LogWatch watch;
        try {
            BytesLimitTerminateTimeTailPrettyLoggable log = client.pods().inNamespace(namespace).withName(pod)
                    .inContainer(container).usingTimestamps();
            Instant since = lastTime;
            if (since != null) {
                // Whole seconds: lines of that second come again and are skipped below.
                watch = log.sinceTime(since.truncatedTo(ChronoUnit.SECONDS).toString()).watchLog();
            } else if (first && options.tailLines() >= 0) {
                watch = log.tailingLines(options.tailLines()).watchLog();
            } else {
                watch = log.watchLog();
            }
        } catch (KubernetesClientException e) {
            return Outcome.FAILED;
        }
        synchronized (lock) {
            if (closed) {
                watch.close();
                return Outcome.FAILED;
            }
            current = watch;
        }
        return read(watch);
    }

    private Outcome read(LogWatch watch) {
        Outcome outcome = Outcome.EMPTY;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            String raw = reader.readLine();
            Status failed = raw == null ? null : failure(raw);
            if (failed != null) {
                tellIfRefused(failed);
                return Outcome.FAILED;
            }
            for (; raw != null && !isClosed(); raw = reader.readLine()) {
                refusalTold = false;
                LogLine line = LogLines.parse(pod, container, raw);
                if (line.time() == null) {
                    outcome = Outcome.UNTIMED_LINES;
                    sink.accept(line);
                } else if (lastTime == null || line.time().isAfter(lastTime)) {
                    outcome = outcome == Outcome.UNTIMED_LINES ? outcome : Outcome.TIMED_LINES;
                    lastTime = line.time();
                    sink.accept(line);
                }
            }
        } catch (IOException | KubernetesClientException e) {
            // The stream broke: resume like after an orderly end.
        } finally {
            watch.close();
            synchronized (lock) {
                current = null;
            }
        }
        return outcome;
    }

    /** The error a stream's first line is when the server refused the request, or null for a log line. */
    private Status failure(String first) {
        if (!first.startsWith("{") || !first.contains("\"kind\":\"Status\"")) {
            return null;
        }
        try {
            Status status = client.getKubernetesSerialization().unmarshal(first, Status.class);
            return status.getCode() != null && status.getCode() >= 400 ? status : null;
        } catch (RuntimeException notStatus) {
            return null;
        }
    }

    private void tellIfRefused(Status failed) {
        boolean refused = failed.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED
                || failed.getCode() == HttpURLConnection.HTTP_FORBIDDEN;
        if (refused && !refusalTold) {
            refusalTold = true;
            sink.accept(new LogLine(pod, container, Instant.now(), "cannot follow this container's log: "
                    + failed.getMessage() + " (" + failed.getCode() + " " + failed.getReason() + ")"));
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        LogWatch watch;
        synchronized (lock) {
            closed = true;
            watch = current;
            lock.notifyAll();
        }
        if (watch != null) {
            watch.close();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
