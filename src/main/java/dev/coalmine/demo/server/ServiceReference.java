package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The {@code [SCHEME:]NAME[:PORT]} part of a service proxy path; PORT is a port's name or number. */
record ServiceReference(String scheme, String name, String port) {

    static ServiceReference parse(String text) {
        String[] parts = text.split(":", -1);
        return switch (parts.length) {
            case 1 -> new ServiceReference("http", parts[0], "");
            case 2 -> new ServiceReference("http", parts[0], parts[1]);
            default -> new ServiceReference(parts[0].isEmpty() ? "http" : parts[0], parts[1], parts[2]);
        };
    }

    /** The Service's port this reference means; without a port, the Service's only one. */
    Optional<JsonNode> portOf(JsonNode service) {
        JsonNode ports = service.path("spec").path("ports");
        if (port.isEmpty()) {
            return ports.size() == 1 ? Optional.of(ports.get(0)) : Optional.empty();
        }
        for (JsonNode p : ports) {
            if (p.path("name").asText().equals(port) || p.path("port").asText().equals(port)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
