package dev.coalmine.kube.config;

import java.util.List;

/**
 * The namespaces the user may list. When listing is forbidden (403) {@code allowed} is false and
 * {@code names} is empty, so the UI lets the operator type a namespace instead.
 */
public record NamespaceListing(List<String> names, boolean allowed) {
    public NamespaceListing {
        names = List.copyOf(names);
    }

    public static NamespaceListing forbidden() {
        return new NamespaceListing(List.of(), false);
    }
}
