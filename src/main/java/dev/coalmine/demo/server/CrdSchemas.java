package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validation schemas of the engines' custom resources, and the 422 {@code Invalid} answer a real API server
 * gives for an object that breaks them. The schemas (resources beside this class) are our own structural subsets of
 * the published CRDs: every required field, type, enum and pattern of the parts Coalmine and the simulators use;
 * the rest of a CRD (pod templates, other metric providers) is left open.
 */
final class CrdSchemas {
    private static final Map<String, String> FILES = Map.of(
            "Rollout", "rollout", "AnalysisTemplate", "analysis-template",
            "ClusterAnalysisTemplate", "analysis-template", "AnalysisRun", "analysis-run",
            "Canary", "canary", "MetricTemplate", "metric-template");
    private final Map<String, CrdSchemaValidator> loaded = new ConcurrentHashMap<>();

    /** The 422 answer for {@code object}, or empty when it is valid (or its kind has no schema here). */
    Optional<MockResponse> rejection(ResourceType type, JsonNode object, boolean strict) {
        String file = FILES.get(type.kind());
        if (file == null || !EngineResourceTypes.all().contains(type)) {
            return Optional.empty();
        }
        List<CrdSchemaValidator.FieldError> errors = loaded.computeIfAbsent(file, CrdSchemas::load)
                .validate(object, strict);
        return errors.isEmpty() ? Optional.empty() : Optional.of(invalid(type, object, errors));
    }

    private static CrdSchemaValidator load(String file) {
        String resource = "schemas/" + file + ".json";
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new CrdSchemaValidator(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse invalid(ResourceType type, JsonNode object, List<CrdSchemaValidator.FieldError> errors) {
        String name = object.path("metadata").path("name").asText();
        List<String> texts = errors.stream().map(CrdSchemaValidator.FieldError::text).toList();
        String detail = texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
        String message = type.kind() + "." + type.group() + " \"" + name + "\" is invalid: " + detail;
        ObjectNode status = (ObjectNode) Json.parse(StatusResponses.failure(422, "Invalid", message, type.group(),
                type.kind(), name).getBody().readUtf8());
        ArrayNode causes = Json.with(status, "details").putArray("causes");
        errors.forEach(e -> causes.addObject().put("reason", e.reason()).put("message", e.message())
                .put("field", e.field()));
        return StatusResponses.json(422, status);
    }
}
