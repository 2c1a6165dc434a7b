package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields the routing kinds' own schemas require (and the few rules beside them a client trips over first),
 * checked on create and update: an object that lacks one is refused with 422 {@code Invalid}, naming each field as
 * a real API server does ({@code spec.rules[0].backendRefs[0].name: Required value}).
 */
final class RequiredFields {
    /** A field path: dots between fields, {@code []} after a list whose every item is checked. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "HTTPRoute", List.of("spec", "spec.parentRefs[].name", "spec.rules[].backendRefs[].name"),
            "Gateway", List.of("spec", "spec.gatewayClassName", "spec.listeners", "spec.listeners[].name",
                    "spec.listeners[].port", "spec.listeners[].protocol"),
            "GatewayClass", List.of("spec", "spec.controllerName"),
            "VirtualService", List.of("spec.http[].route[].destination", "spec.http[].route[].destination.host"),
            "DestinationRule", List.of("spec.host", "spec.subsets[].name"),
            "TrafficSplit", List.of("spec", "spec.service", "spec.backends", "spec.backends[].service",
                    "spec.backends[].weight"),
            "Ingress", List.of("spec.rules[].http.paths[].pathType"));

    private record Problem(String field, String reason, String text) {
    }

    /** The 422 answer for {@code object}, or empty when it is valid. */
    Optional<MockResponse> check(ResourceType type, JsonNode object) {
        List<Problem> problems = new ArrayList<>();
        for (String field : REQUIRED.getOrDefault(type.kind(), List.of())) {
            missing(object, field, "", problems);
        }
        if (type.kind().equals("HTTPRoute")) {
            serviceBackendsHavePorts(object, problems);
        }
        if (type.kind().equals("Ingress")) {
            problems.replaceAll(p -> new Problem(p.field(), p.reason(), p.text() + ": pathType must be specified"));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(invalid(type, object, problems));
    }

    private static void missing(JsonNode node, String rest, String at, List<Problem> problems) {
        int dot = rest.indexOf('.');
        String head = dot < 0 ? rest : rest.substring(0, dot);
        String field = at.isEmpty() ? head.replace("[]", "") : at + "." + head.replace("[]", "");
        JsonNode value = node.get(head.replace("[]", ""));
        if (dot < 0) {
            if (value == null || value.isNull()) {
                problems.add(new Problem(field, "FieldValueRequired", field + ": Required value"));
            }
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        String next = rest.substring(dot + 1);
        if (head.endsWith("[]")) {
            for (int i = 0; i < value.size(); i++) {
                missing(value.get(i), next, field + "[" + i + "]", problems);
            }
        } else {
            missing(value, next, field, problems);
        }
    }

    /** The HTTPRoute CRD's rule: a backendRef to a Service names its port. */
    private static void serviceBackendsHavePorts(JsonNode route, List<Problem> problems) {
        JsonNode rules = route.path("spec").path("rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode refs = rules.get(r).path("backendRefs");
            for (int b = 0; b < refs.size(); b++) {
                JsonNode ref = refs.get(b);
                boolean service = ref.path("group").asText("").isEmpty()
                        && ref.path("kind").asText("Service").equals("Service");
                String field = "spec.rules[" + r + "].backendRefs[" + b + "]";
                if (service && !ref.has("port")) {
                    problems.add(new Problem(field, "FieldValueInvalid",
                            field + ": Invalid value: \"object\": Must have port for Service reference"));
                }
                if (ref.path("weight").asLong(0) < 0) {
                    problems.add(new Problem(field + ".weight", "FieldValueInvalid", field + ".weight: Invalid value: "
                            + ref.path("weight").asText() + ": " + field
                            + ".weight in body should be greater than or equal to 0"));
                }
            }
        }
    }

    private static MockResponse invalid(ResourceType type, JsonNode object, List<Problem> problems) {
        String name = object.path("metadata").path("name").asText();
        String qualified = type.kind() + (type.group().isEmpty() ? "" : "." + type.group());
        List<String> texts = problems.stream().map(Problem::text).toList();
        String message = qualified + " \"" + name + "\" is invalid: "
                + (texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]");
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", "Invalid");
        ObjectNode details = status.putObject("details").put("name", name).put("group", type.group())
                .put("kind", type.kind());
        ArrayNode causes = details.putArray("causes");
        for (Problem p : problems) {
            causes.addObject().put("reason", p.reason()).put("message", p.text().substring(p.field().length() + 2))
                    .put("field", p.field());
        }
        status.put("code", 422);
        return StatusResponses.json(422, status);
    }
}
