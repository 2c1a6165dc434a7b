package dev.coalmine.core.feed;

import java.time.Instant;

/**
 * One Kubernetes Event as the feeds present it. An Event that is updated (its count bumped) arrives again
 * with the same {@code uid} and a newer {@code resourceVersion}: consumers replace the earlier record
 * ({@link EventTimeline} does). Times may be null when the Event carries none.
 *
 * @param type    Normal or Warning
 * @param source  the reporting component, with the host when there is one ({@code kubelet, node-1})
 */
public record EventRecord(String uid, String resourceVersion, String type, String reason, ObjectRef object,
                          int count, String message, Instant firstTime, Instant lastTime, String source) {
    public EventRecord {
        // A few dozen distinct values across thousands of kept Events: one shared copy each instead of one per
        // Event keeps what every young collection copies and promotes smaller (a console keeps 50,000 Events).
        type = Interned.of(type);
        reason = Interned.of(reason);
        source = Interned.of(source);
    }

    public boolean isWarning() {
        return "Warning".equals(type);
    }
}
