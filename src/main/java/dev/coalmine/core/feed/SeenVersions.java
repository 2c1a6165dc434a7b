package dev.coalmine.core.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last version delivered per object uid, for the most recent {@code capacity} uids, so a
 * relist after a watch expiry (410 Gone) or a reconnect delivers each version once. Not thread-safe.
 */
public final class SeenVersions {
    private final Map<String, String> versions;

    public SeenVersions(int capacity) {
        this.versions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time this uid is seen with this version; records it. */
    public boolean isNew(String uid, String version) {
        String previous = versions.put(uid, version);
        return !version.equals(previous);
    }
}
