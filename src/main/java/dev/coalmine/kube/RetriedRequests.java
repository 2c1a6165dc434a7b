package dev.coalmine.kube;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The requests a client's HTTP layer tried again after a failed answer (a 5xx, a 429) or a failed connection, so a
 * release's step log can tell what was retried. fabric8 retries them without a word; a drive takes the ones that
 * concern its release when it next saves. Bounded: the oldest are dropped once {@link #KEPT} wait.
 */
public final class RetriedRequests {
    static final int KEPT = 200;

    private final Clock clock;
    private final Deque<Retry> waiting = new ArrayDeque<>();

    /**
     * One failed try: {@code answer} is what came back, as the step log words it, e.g. "the API server answered 500
     * Internal Server Error" or "a failed connection (ConnectException)".
     */
    public record Retry(Instant at, String method, String path, String answer) {
        /** {@code PUT configmaps/coalmine-release-web}: the resource and name of the path, without the prefix. */
        public String target() {
            List<String> parts = segments(path);
            int namespaces = parts.indexOf("namespaces");
            int from = namespaces >= 0 && namespaces + 2 < parts.size() ? namespaces + 2 : Math.max(0, parts.size() - 2);
            return method + " " + String.join("/", parts.subList(from, parts.size()));
        }
    }

    public RetriedRequests() {
        this(Clock.systemUTC());
    }

    public RetriedRequests(Clock clock) {
        this.clock = clock;
    }

    /** Records a failed try that the client will make again. */
    public synchronized void record(String method, String path, String answer) {
        if (waiting.size() == KEPT) {
            waiting.removeFirst();
        }
        waiting.addLast(new Retry(clock.instant(), method, path, answer));
    }

    /**
     * Takes the retries of requests for the objects named {@code names} in {@code namespace} (their paths end in
     * {@code /namespaces/NS/RESOURCE/NAME}, a subresource allowed), oldest first; others stay for their release.
     */
    public synchronized List<Retry> takeFor(String namespace, Set<String> names) {
        List<Retry> taken = new ArrayList<>();
        for (Iterator<Retry> it = waiting.iterator(); it.hasNext(); ) {
            Retry retry = it.next();
            if (concerns(retry.path(), namespace, names)) {
                taken.add(retry);
                it.remove();
            }
        }
        return taken;
    }

    /** Puts retries taken for a save that did not happen back, to be told with the next one. */
    public synchronized void putBack(List<Retry> retries) {
        for (int i = retries.size() - 1; i >= 0; i--) {
            waiting.addFirst(retries.get(i));
        }
    }

    private static boolean concerns(String path, String namespace, Set<String> names) {
        List<String> parts = segments(path);
        for (int i = 0; i + 3 < parts.size(); i++) {
            if (parts.get(i).equals("namespaces") && parts.get(i + 1).equals(namespace)
                    && names.contains(parts.get(i + 3))) {
                return true;
            }
        }
        return false;
    }

    /** The segments of a request path, without its query. */
    private static List<String> segments(String path) {
        return List.of(path.split("\\?")[0].split("/"));
    }
}
