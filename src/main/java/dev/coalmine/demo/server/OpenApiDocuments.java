package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A minimal OpenAPI v3 surface: the {@code /openapi/v3} index and one document per group/version whose PATCH
 * operations declare the {@code fieldValidation} query parameter. That tells kubectl (apply, create, replace)
 * to leave field validation to the server instead of downloading full schemas, which this server does not have;
 * without it kubectl refuses with "failed to download openapi". Strategic merge patches are then computed from
 * kubectl's built-in types.
 */
final class OpenApiDocuments {
    private static final String PREFIX = "/openapi/v3";

    private final ResourceCatalog catalog;

    OpenApiDocuments(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<String> documentFor(String path) {
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return Optional.of(Json.write(index()));
        }
        if (!path.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        String gvPath = path.substring(PREFIX.length() + 1);
        String gv = gvPath.startsWith("api/") ? gvPath.substring(4)
                : gvPath.startsWith("apis/") ? gvPath.substring(5) : null;
        if (gv == null || !catalog.groupVersions().contains(gv)) {
            return Optional.empty();
        }
        return Optional.of(Json.write(groupVersion(gv)));
    }

    private ObjectNode index() {
        ObjectNode doc = Json.object();
        ObjectNode paths = doc.putObject("paths");
        for (String gv : catalog.groupVersions()) {
            String key = (gv.contains("/") ? "apis/" : "api/") + gv;
            paths.putObject(key).put("serverRelativeURL", PREFIX + "/" + key + "?hash=coalmine-demo-1");
        }
        return doc;
    }

    private ObjectNode groupVersion(String gv) {
        ObjectNode doc = Json.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0-coalmine-demo");
        ObjectNode paths = doc.putObject("paths");
        for (ResourceType t : catalog.inGroupVersion(gv)) {
            String path = t.objectPath("{namespace}", "{name}");
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.put("operationId", "patch" + t.kind());
            patch.putObject("x-kubernetes-group-version-kind").put("group", t.group()).put("version", t.version())
                    .put("kind", t.kind());
            patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        return doc;
    }
}
