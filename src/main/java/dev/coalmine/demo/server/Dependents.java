package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the garbage collector removes with an object: what it owns (by uid), and for a Namespace, its contents. */
final class Dependents {
    private final ResourceCatalog catalog;

    Dependents(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    List<ApiPath> of(JsonNode deleted, List<JsonNode> stored) {
        String uid = deleted.path("metadata").path("uid").asText();
        boolean namespace = deleted.path("kind").asText().equals("Namespace");
        String name = deleted.path("metadata").path("name").asText();
        List<ApiPath> out = new ArrayList<>();
        for (JsonNode object : stored) {
            boolean owned = false;
            for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
                owned |= ref.path("uid").asText().equals(uid);
            }
            boolean inNamespace = namespace && name.equals(object.path("metadata").path("namespace").asText());
            if (owned || inNamespace) {
                pathOf(object).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The REST path of a stored object, if its kind is one the server knows. */
    Optional<ApiPath> pathOf(JsonNode object) {
        JsonNode meta = object.path("metadata");
        return catalog.byKind(object.path("apiVersion").asText(), object.path("kind").asText())
                .map(t -> t.objectPath(meta.path("namespace").asText(), meta.path("name").asText()))
                .flatMap(ApiPath::parse);
    }
}
