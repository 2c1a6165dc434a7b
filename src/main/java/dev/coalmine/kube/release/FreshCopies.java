package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies newer than the shared cache's watch may show yet: what this process itself wrote or deleted, and what it
 * just read by name, each remembered until the watch brings it (or something newer). Every read through the cache
 * in this process (a drive, a start, a decision) takes the newer of the two, so it never sees the cluster as it was
 * before our own write, nor older than the read its view began with.
 */
final class FreshCopies {
    /** The latest copy per kind/namespace/name; {@code object} is null after a delete. */
    private final Map<String, Write> written = new ConcurrentHashMap<>();

    private record Write(HasMetadata object, long resourceVersion) {
    }

    /** {@code object} as a write (or a read by name) just returned it. */
    void wrote(HasMetadata object) {
        written.put(key(object), new Write(object, version(object)));
    }

    void deleted(HasMetadata object) {
        written.put(key(object), new Write(null, version(object)));
    }

    /** The newer of {@code cached} (what the watch shows of {@code kind/namespace/name}) and the copy remembered. */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> T newest(String kind, String namespace, String name, T cached) {
        String key = kind + "/" + namespace + "/" + name;
        Write own = written.get(key);
        if (own == null) {
            return cached;
        }
        if (cached != null && version(cached) > own.resourceVersion()) {
            written.remove(key, own);
            return cached;
        }
        if (cached != null && version(cached) == own.resourceVersion() && own.object() != null) {
            written.remove(key, own);
            return cached;
        }
        if (cached == null && own.object() == null) {
            written.remove(key, own);
        }
        return (T) own.object();
    }

    /**
     * Kubernetes calls resourceVersions opaque, but every API server (etcd revisions, the mock server's counter)
     * hands out increasing integers; an unparsable one counts as newest so the watch's copy wins.
     */
    private static long version(HasMetadata o) {
        try {
            return Long.parseLong(Objects.requireNonNull(o.getMetadata().getResourceVersion()));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }
}
