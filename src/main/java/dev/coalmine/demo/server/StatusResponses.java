package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;

/** Kubernetes {@code Status} answers, and the fix-ups that make the mock's error answers look like a real server's. */
final class StatusResponses {
    private StatusResponses() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static MockResponse json(int code, JsonNode body) {
        return json(code, Json.write(body));
    }

    static MockResponse failure(int code, String reason, String message) {
        return failure(code, reason, message, null, null, null);
    }

    static MockResponse failure(int code, String reason, String message, String group, String kind, String name) {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        if (name != null) {
            ObjectNode details = status.putObject("details").put("name", name);
            if (group != null && !group.isEmpty()) {
                details.put("group", group);
            }
            details.put("kind", kind);
        }
        return json(code, status);
    }

    static MockResponse notFound(ApiPath path) {
        String what = path.resource() + (path.group().isEmpty() ? "" : "." + path.group());
        return failure(404, "NotFound", what + " \"" + path.name() + "\" not found", path.group(),
                path.resource(), path.name());
    }

    static MockResponse namespaceNotFound(String namespace) {
        return failure(404, "NotFound", "namespaces \"" + namespace + "\" not found", "", "namespaces", namespace);
    }

    /** Gives the store's terse answers the reasons and messages kubectl and clients expect. */
    static MockResponse polish(ApiPath path, MockResponse response) {
        if (response.getWebSocketListener() != null) {
            return response;
        }
        int code = response.code();
        String body = response.getBody() == null ? "" : new String(response.getBody().getBytes(),
                StandardCharsets.UTF_8);
        if (code == 404 && body.isBlank() && path != null) {
            return notFound(path);
        }
        if (code == 409 && body.contains("\"Status\"")) {
            JsonNode status = Json.parse(body);
            String message = status.path("message").asText();
            boolean exists = message.contains("already exists");
            String what = path == null ? "" : path.resource() + (path.group().isEmpty() ? "" : "." + path.group());
            String name = path == null || path.name() == null ? null : path.name();
            if (exists && path != null) {
                String created = message.replaceAll("^.*'(.*)'.*$", "$1");
                return failure(409, "AlreadyExists", what + " \"" + created + "\" already exists", path.group(),
                        path.resource(), created);
            }
            return failure(409, "Conflict", message.replaceFirst("on \\w+ \"", "on " + what + " \""),
                    path == null ? null : path.group(), path == null ? null : path.resource(), name);
        }
        if (code == 202) {
            response.setResponseCode(200);
        }
        if (response.header("Content-Type") == null && !body.isEmpty()) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }
}
