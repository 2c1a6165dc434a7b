package dev.coalmine.demo.server;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The faults the demo API server injected, in order (the latest 10,000), so tests and trainers can see them. */
public final class FaultLog {
    private static final int KEPT = 10_000;

    /** One injected fault: which, when, and the request it answered. */
    public record Injected(ApiFault fault, Instant at, String userAgent, String method, String uri) {
    }

    private final ConcurrentLinkedDeque<Injected> recent = new ConcurrentLinkedDeque<>();
    private final Map<ApiFault, Long> counts = new EnumMap<>(ApiFault.class);

    synchronized void add(Injected injected) {
        recent.addLast(injected);
        if (recent.size() > KEPT) {
            recent.pollFirst();
        }
        counts.merge(injected.fault(), 1L, Long::sum);
    }

    /** The latest injected faults, oldest first. */
    public List<Injected> recent() {
        return List.copyOf(recent);
    }

    /** How many faults of this kind were injected since the start. */
    public synchronized long count(ApiFault fault) {
        return counts.getOrDefault(fault, 0L);
    }

    /** How many faults were injected since the start. */
    public synchronized long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
