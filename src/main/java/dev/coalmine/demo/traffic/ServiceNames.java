package dev.coalmine.demo.traffic;

import io.fabric8.kubernetes.api.model.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Services of the cluster by namespace and name: resolving the host names routes use, and recognising the
 * track Services ({@code <S>-stable}, {@code <S>-canary}, {@code <S>-baseline}, Coalmine's) that only routes address.
 */
final class ServiceNames {
    private static final List<String> TRACK_SUFFIXES = List.of("-stable", "-canary", "-baseline");
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final String COALMINE = "coalmine";

    private final Map<String, Service> byKey = new HashMap<>();

    ServiceNames(List<Service> services) {
        services.forEach(s -> byKey.put(key(s.getMetadata().getNamespace(), s.getMetadata().getName()), s));
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    Optional<Service> get(String namespace, String name) {
        return Optional.ofNullable(byKey.get(key(namespace, name)));
    }

    /**
     * The Service a host names from {@code namespace}: {@code name}, {@code name.namespace},
     * {@code name.namespace.svc} or {@code name.namespace.svc.cluster.local}.
     */
    Optional<String> resolve(String namespace, String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = host.split("\\.");
        boolean sameNamespace = parts.length == 1 || parts[1].equals(namespace);
        return sameNamespace && byKey.containsKey(key(namespace, parts[0])) ? Optional.of(parts[0]) : Optional.empty();
    }

    /** The operator's Service a track Service belongs to ({@code web} for {@code web-canary}), else the name itself. */
    String base(String namespace, String name) {
        for (String suffix : TRACK_SUFFIXES) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (byKey.containsKey(key(namespace, base))) {
                    return base;
                }
            }
        }
        return name;
    }

    /**
     * A Service Coalmine made for one track of a release: named after the operator's Service and labelled as
     * Coalmine's. Another tool's {@code -canary} Service (Flagger makes {@code <S>-canary} and {@code <S>-primary})
     * is an ordinary Service with its own load.
     */
    boolean isTrackService(String namespace, String name) {
        Map<String, String> labels = get(namespace, name).map(s -> s.getMetadata().getLabels()).orElse(null);
        return !base(namespace, name).equals(name) && labels != null
                && COALMINE.equals(labels.get(MANAGED_BY));
    }
}
