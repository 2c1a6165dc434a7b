package dev.coalmine.demo.server;

import static dev.coalmine.demo.server.TableColumns.col;
import static dev.coalmine.demo.server.TableColumns.wide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.demo.server.TableColumns.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * kubectl's columns for the routing kinds: the printer columns of the Gateway API, Istio and SMI CRDs (a list
 * value shown as JSON, a missing one blank, as the CRD table converter does), and kube-apiserver's for Ingress.
 */
final class RoutingColumns {
    private RoutingColumns() {
    }

    /** Adds the columns after NAME for {@code kind}; false when it is not a routing kind. */
    static boolean add(String kind, List<Column> c, Function<JsonNode, Object> age) {
        switch (kind) {
            case "HTTPRoute" -> {
                c.add(col("Hostnames", o -> field(o.path("spec").path("hostnames"))));
                c.add(col("Age", age));
            }
            case "Gateway" -> {
                c.add(col("Class", o -> field(o.path("spec").path("gatewayClassName"))));
                c.add(col("Address", o -> field(each(o.path("status").path("addresses"), "value"))));
                c.add(col("Programmed", o -> condition(o, "Programmed")));
                c.add(col("Age", age));
            }
            case "GatewayClass" -> {
                c.add(col("Controller", o -> field(o.path("spec").path("controllerName"))));
                c.add(col("Accepted", o -> condition(o, "Accepted")));
                c.add(col("Age", age));
                c.add(wide("Description", o -> field(o.path("spec").path("description"))));
            }
            case "VirtualService" -> {
                c.add(col("Gateways", o -> field(o.path("spec").path("gateways"))));
                c.add(col("Hosts", o -> field(o.path("spec").path("hosts"))));
                c.add(col("Age", age));
            }
            case "DestinationRule" -> {
                c.add(col("Host", o -> field(o.path("spec").path("host"))));
                c.add(col("Age", age));
            }
            // SMI's CRD lists only the apex Service, and then kubectl shows no AGE either.
            case "TrafficSplit" -> c.add(col("Service", o -> field(o.path("spec").path("service"))));
            case "Ingress" -> {
                c.add(col("Class", o -> o.path("spec").path("ingressClassName").asText("<none>")));
                c.add(col("Hosts", RoutingColumns::ingressHosts));
                c.add(col("Address", RoutingColumns::ingressAddress));
                c.add(col("Ports", o -> o.path("spec").path("tls").isEmpty() ? "80" : "80, 443"));
                c.add(col("Age", age));
            }
            case "IngressClass" -> {
                c.add(col("Controller", o -> o.path("spec").path("controller").asText()));
                c.add(col("Parameters", RoutingColumns::ingressClassParameters));
                c.add(col("Age", age));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A CRD printer column's cell: scalars as they are, lists and objects as JSON, missing as no value. */
    private static Object field(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()
                || value.isContainerNode() && value.isEmpty()) {
            return null;
        }
        return value.isContainerNode() ? Json.write(value) : value.asText();
    }

    private static JsonNode each(JsonNode list, String field) {
        var out = Json.MAPPER.createArrayNode();
        list.forEach(item -> out.add(item.path(field).asText()));
        return out.size() == 1 ? out.get(0) : out;
    }

    private static Object condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition.path("status").asText();
            }
        }
        return null;
    }

    /** As kube-apiserver prints them: {@code Kind.group/name}, or {@code <none>}. */
    private static String ingressClassParameters(JsonNode ingressClass) {
        JsonNode p = ingressClass.path("spec").path("parameters");
        if (p.isMissingNode() || p.isNull()) {
            return "<none>";
        }
        String group = p.path("apiGroup").asText("");
        return p.path("kind").asText() + (group.isEmpty() ? "" : "." + group) + "/" + p.path("name").asText();
    }

    private static String ingressHosts(JsonNode ingress) {
        List<String> hosts = new ArrayList<>();
        ingress.path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText("*").isEmpty()
                ? "*" : r.path("host").asText("*")));
        return hosts.isEmpty() ? "*" : String.join(",", hosts);
    }

    private static String ingressAddress(JsonNode ingress) {
        List<String> addresses = new ArrayList<>();
        ingress.path("status").path("loadBalancer").path("ingress").forEach(a ->
                addresses.add(a.has("ip") ? a.path("ip").asText() : a.path("hostname").asText()));
        return String.join(",", addresses);
    }
}
