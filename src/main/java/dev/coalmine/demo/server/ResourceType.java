package dev.coalmine.demo.server;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One kind of object the demo API server serves, as discovery describes it. */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced,
        List<String> shortNames, Set<String> subresources, List<String> verbs) {

    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean hasStatus() {
        return subresources.contains("status");
    }

    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** The REST path of an object of this type. */
    public String objectPath(String namespace, String name) {
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version
                + (namespaced ? "/namespaces/" + namespace : "") + "/" + plural + "/" + name;
    }
}
