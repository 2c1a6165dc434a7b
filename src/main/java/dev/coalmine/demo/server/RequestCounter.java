package dev.coalmine.demo.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many HTTP requests the demo API server has received, per User-Agent (watches and WebSocket upgrades
 * count once each). The benchmarks compare clients by it: kubectl, Coalmine's engine, the simulator.
 */
public final class RequestCounter {
    private static final String NONE = "(no User-Agent)";

    private final Map<String, LongAdder> byAgent = new ConcurrentHashMap<>();

    void record(String userAgent) {
        byAgent.computeIfAbsent(userAgent == null || userAgent.isBlank() ? NONE : userAgent, a -> new LongAdder())
                .increment();
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
}
