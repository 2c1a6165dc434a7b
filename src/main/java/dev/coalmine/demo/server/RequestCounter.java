package dev.coalmine.demo.server;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many authorised HTTP requests the demo API server has received, per User-Agent (watches and WebSocket
 * upgrades count once each), and how many it refused for want of its token. The benchmarks compare clients by it: kubectl, Coalmine's engine, the simulator.
 */
public final class RequestCounter {
    private static final String NONE = "(no User-Agent)";

    private static final int RECENT = 20_000;

    private final Map<String, LongAdder> byAgent = new ConcurrentHashMap<>();
    private final Latest recent = new Latest();
    private final Map<String, Latest> recentByAgent = new ConcurrentHashMap<>();
    private final Deque<Patch> patches = new ConcurrentLinkedDeque<>();
    private final LongAdder unauthorized = new LongAdder();

    void record(String userAgent, String method, String uri) {
        String agent = userAgent == null || userAgent.isBlank() ? NONE : userAgent;
        byAgent.computeIfAbsent(agent, a -> new LongAdder()).increment();
        Request request = new Request(agent, method, uri);
        recent.add(request);
        recentByAgent.computeIfAbsent(agent, a -> new Latest()).add(request);
    }

    void recordUnauthorized() {
        unauthorized.increment();
    }

    /** Requests refused with 401 for want of the token; they are not in the counts above. */
    public long unauthorized() {
        return unauthorized.sum();
    }

    /** One request: who sent it, the method and the URI with its query. */
    public record Request(String userAgent, String method, String uri) {
        /** A read of a collection (a LIST, or a WATCH when {@link #isWatch}), not of one named object. */
        public boolean isWatch() {
            return uri.contains("watch=true") || uri.contains("watch=1");
        }

        public String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /** The latest requests (at most 20,000), oldest first. */
    public List<Request> recent() {
        return recent.list();
    }

    /**
     * The latest requests (at most 20,000) with exactly this User-Agent, oldest first: a client's own requests, which
     * the simulator's many requests cannot push out of {@link #recent()}'s window.
     */
    public List<Request> recent(String userAgent) {
        Latest latest = recentByAgent.get(userAgent);
        return latest == null ? List.of() : latest.list();
    }

    /** Requests whose User-Agent starts with {@code prefix} (e.g. {@code "kubectl/"}). */
    public long count(String prefix) {
        return byAgent.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** A copy of the counts, sorted by User-Agent. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byAgent.forEach((agent, n) -> copy.put(agent, n.sum()));
        return copy;
    }

    /** A PATCH as the server received it: tests compare its body with what kubectl plugins send. */
    public record Patch(String uri, String contentType, String body) {
    }

    void recordPatch(String uri, String contentType, String body) {
        patches.addLast(new Patch(uri, contentType, body));
        if (patches.size() > 1_000) {
            patches.pollFirst();
        }
    }

    /** The latest PATCH requests (at most 1,000), oldest first. */
    public List<Patch> patches() {
        return List.copyOf(patches);
    }

    /** The latest {@value #RECENT} requests of a kind. */
    private static final class Latest {
        private final Deque<Request> requests = new ConcurrentLinkedDeque<>();
        private final AtomicInteger kept = new AtomicInteger();

        void add(Request request) {
            requests.addLast(request);
            if (kept.incrementAndGet() > RECENT && requests.pollFirst() != null) {
                kept.decrementAndGet();
            }
        }

        List<Request> list() {
            return List.copyOf(requests);
        }
    }
}
