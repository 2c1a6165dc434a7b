package dev.coalmine.kube.release;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What client-go's EventRecorder does before it writes: the same reason and message about the same object within
 * {@link #WINDOW} bumps the Event already written (count, lastTimestamp) instead of creating another, and each
 * release creates at most {@link #NEW_PER_MINUTE} new Events a minute, so a release stuck in a step cannot flood
 * the namespace. Times are the step-log's, so the window follows the release's own clock.
 */
final class EventAggregation {
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int NEW_PER_MINUTE = 30;
    private static final int REMEMBERED = 256;

    /** An Event already written: its name, and how often and when it was last seen. */
    record Seen(String name, int count, Instant first, Instant last) {
    }

    /** Write a new Event, bump {@code existing} to {@code count}, or drop the line (over the rate). */
    sealed interface Verdict {
    }

    record Create() implements Verdict {
    }

    record Bump(Seen existing) implements Verdict {
    }

    record Drop() implements Verdict {
    }

    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, Deque<Instant>> created = new LinkedHashMap<>();

    synchronized Verdict judge(String release, String key, Instant at) {
        Seen before = seen.get(key);
        if (before != null && Duration.between(before.last(), at).compareTo(WINDOW) <= 0) {
            Seen bumped = new Seen(before.name(), before.count() + 1, before.first(), at);
            seen.put(key, bumped);
            return new Bump(bumped);
        }
        Deque<Instant> recent = created.computeIfAbsent(release, r -> new ArrayDeque<>());
        while (!recent.isEmpty() && Duration.between(recent.peekFirst(), at).compareTo(Duration.ofMinutes(1)) >= 0) {
            recent.removeFirst();
        }
        if (recent.size() >= NEW_PER_MINUTE) {
            return new Drop();
        }
        recent.addLast(at);
        return new Create();
    }

    /** Remembers the Event just created for {@code key}. */
    synchronized void created(String key, String name, Instant at) {
        seen.put(key, new Seen(name, 1, at, at));
    }

    /** Forgets {@code key} (its Event is gone), so the next line creates a new one. */
    synchronized void forget(String key) {
        seen.remove(key);
    }
}
