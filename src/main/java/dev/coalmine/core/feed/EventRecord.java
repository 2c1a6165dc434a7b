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
    public boolean isWarning() {
        return "Warning".equals(type);
    }
}
