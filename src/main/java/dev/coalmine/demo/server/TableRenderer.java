package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: answers {@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1} with a
 * meta.k8s.io/v1 Table, so {@code kubectl get} shows the usual columns (READY, UP-TO-DATE, STATUS, ...).
 */
final class TableRenderer {
    private final ResourceCatalog catalog;

    TableRenderer(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    ObjectNode render(ApiPath path, List<JsonNode> items, String resourceVersion) {
        String kind = catalog.find(path).map(ResourceType::kind).orElse("");
        List<TableColumns.Column> columns = new TableColumns(Instant.now()).forKind(kind);
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (TableColumns.Column c : columns) {
            definitions.addObject().put("name", c.name()).put("type", c.type())
                    .put("format", c.name().equals("Name") ? "name" : "").put("description", c.name())
                    .put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        boolean wholeObject = "Object".equals(path.param("includeObject"));
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (TableColumns.Column c : columns) {
                cells.add(Json.MAPPER.valueToTree(c.cell().apply(item)));
            }
            if (wholeObject) {
                row.set("object", item);
            } else {
                ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                        .put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", item.path("metadata"));
            }
        }
        return table;
    }
}
