package dev.coalmine.demo.server;

import static dev.coalmine.demo.server.TableColumns.col;
import static dev.coalmine.demo.server.TableColumns.wide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.server.TableColumns.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** kubectl's columns for Nodes, ServiceAccounts and the RBAC kinds, as kube-apiserver's table printer defines them. */
final class AccessAndNodeColumns {
    private static final String ROLE_LABEL = "node-role.kubernetes.io/";

    private AccessAndNodeColumns() {
    }

    /** Adds the columns after NAME for {@code kind}; false when the kind is not one of these. */
    static boolean add(String kind, List<Column> c, Function<JsonNode, Object> age) {
        switch (kind) {
            case "Node" -> {
                c.add(col("Status", AccessAndNodeColumns::nodeStatus));
                c.add(col("Roles", AccessAndNodeColumns::roles));
                c.add(col("Age", age));
                c.add(col("Version", o -> o.path("status").path("nodeInfo").path("kubeletVersion").asText()));
                c.add(wide("Internal-IP", o -> address(o, "InternalIP")));
                c.add(wide("External-IP", o -> address(o, "ExternalIP")));
                c.add(wide("OS-Image", o -> o.path("status").path("nodeInfo").path("osImage").asText()));
                c.add(wide("Kernel-Version", o -> o.path("status").path("nodeInfo").path("kernelVersion").asText()));
                c.add(wide("Container-Runtime",
                        o -> o.path("status").path("nodeInfo").path("containerRuntimeVersion").asText()));
            }
            case "ServiceAccount" -> {
                c.add(col("Secrets", o -> o.path("secrets").size()));
                c.add(col("Age", age));
            }
            case "Role", "ClusterRole" -> c.add(col("Created At",
                    o -> o.path("metadata").path("creationTimestamp").asText()));
            case "RoleBinding", "ClusterRoleBinding" -> {
                c.add(col("Role", o -> o.path("roleRef").path("kind").asText() + "/"
                        + o.path("roleRef").path("name").asText()));
                c.add(col("Age", age));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String nodeStatus(JsonNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                String ready = condition.path("status").asText().equals("True") ? "Ready" : "NotReady";
                return node.path("spec").path("unschedulable").asBoolean() ? ready + ",SchedulingDisabled" : ready;
            }
        }
        return "Unknown";
    }

    private static String roles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.path("metadata").path("labels").fieldNames().forEachRemaining(label -> {
            if (label.startsWith(ROLE_LABEL) && label.length() > ROLE_LABEL.length()) {
                roles.add(label.substring(ROLE_LABEL.length()));
            }
        });
        roles.sort(String::compareTo);
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode address : node.path("status").path("addresses")) {
            if (address.path("type").asText().equals(type)) {
                return address.path("address").asText();
            }
        }
        return "<none>";
    }
}
