package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One ready address of a Service's Endpoints, with the port that carries the Service port's name. */
record Endpoint(String ip, int port) {

    static Optional<Endpoint> of(Optional<JsonNode> endpoints, String portName) {
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode subset : endpoints.get().path("subsets")) {
            JsonNode address = subset.path("addresses").path(0);
            if (address.isMissingNode()) {
                continue;
            }
            for (JsonNode p : subset.path("ports")) {
                if (p.path("name").asText().equals(portName)) {
                    return Optional.of(new Endpoint(address.path("ip").asText(), p.path("port").asInt()));
                }
            }
        }
        return Optional.empty();
    }
}
