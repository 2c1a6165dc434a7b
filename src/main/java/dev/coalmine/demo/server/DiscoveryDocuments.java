package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The legacy discovery documents ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/G/V}) and
 * {@code /version}. kubectl asks for aggregated discovery first and falls back to these when the answer's
 * content type is plain JSON.
 */
final class DiscoveryDocuments {
    private final ResourceCatalog catalog;
    private final Supplier<String> serverAddress;

    DiscoveryDocuments(ResourceCatalog catalog, Supplier<String> serverAddress) {
        this.catalog = catalog;
        this.serverAddress = serverAddress;
    }

    /** The document for a path without query, if it is a discovery path. */
    Optional<String> documentFor(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/api")) {
            return Optional.of(Json.write(coreVersions()));
        }
        if (p.equals("/apis")) {
            return Optional.of(Json.write(groupList()));
        }
        if (p.equals("/version")) {
            return Optional.of(Json.write(version()));
        }
        String gv = p.startsWith("/api/") ? p.substring(5) : p.startsWith("/apis/") ? p.substring(6) : null;
        if (gv == null || !catalog.groupVersions().contains(gv)) {
            return Optional.empty();
        }
        return Optional.of(Json.write(resourceList(gv)));
    }

    private ObjectNode coreVersions() {
        ObjectNode doc = Json.object().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress.get());
        return doc;
    }

    private ObjectNode groupList() {
        Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
        catalog.all().stream().filter(t -> !t.group().isEmpty()).forEach(t ->
                versionsByGroup.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t.version()));
        ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        versionsByGroup.forEach((group, versions) -> {
            ObjectNode g = groups.addObject().put("name", group);
            ArrayNode vs = g.putArray("versions");
            versions.stream().distinct().forEach(v ->
                    vs.addObject().put("groupVersion", group + "/" + v).put("version", v));
            g.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0))
                    .put("version", versions.get(0));
        });
        return doc;
    }

    private ObjectNode resourceList(String groupVersion) {
        ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType t : catalog.inGroupVersion(groupVersion)) {
            ObjectNode r = resources.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            t.verbs().forEach(r.putArray("verbs")::add);
            if (!t.shortNames().isEmpty()) {
                t.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (List.of("pods", "deployments", "replicasets", "services", "statefulsets", "daemonsets", "jobs",
                    "cronjobs").contains(t.plural()) && t.group().matches("|apps|batch")) {
                r.putArray("categories").add("all");
            }
            for (String sub : t.subresources()) {
                ObjectNode s = resources.addObject().put("name", t.plural() + "/" + sub).put("singularName", "")
                        .put("namespaced", t.namespaced())
                        .put("kind", sub.equals("scale") ? "Scale" : t.kind());
                if (sub.equals("scale")) {
                    s.put("group", "autoscaling").put("version", "v1");
                }
                List<String> verbs = sub.equals("log") ? List.of("get") : List.of("get", "patch", "update");
                verbs.forEach(s.putArray("verbs")::add);
            }
        }
        return doc;
    }

    private ObjectNode version() {
        return Json.object().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-coalmine-demo")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.0").put("compiler", "gc")
                .put("platform", "linux/amd64");
    }
}
