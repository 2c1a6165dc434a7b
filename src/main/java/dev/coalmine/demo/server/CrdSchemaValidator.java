package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an object against a structural schema as kube-apiserver checks a custom resource: type, required,
 * enum, pattern, minimum, int-or-string, date-time, {@code oneOf} of required sets, and (when asked, as with
 * {@code fieldValidation=Strict}) fields the schema does not know. The schemas are written in the OpenAPI v3 subset
 * of a CRD, plus local {@code $ref}s to {@code definitions} so that repeated parts are written once.
 */
final class CrdSchemaValidator {
    /** One problem, as the API server reports it in a Status's causes. */
    record FieldError(String reason, String field, String message) {
        String text() {
            return field + ": " + message;
        }
    }

    private final JsonNode root;

    CrdSchemaValidator(JsonNode root) {
        this.root = root;
    }

    List<FieldError> validate(JsonNode object, boolean strict) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode schema = resolve(root);
        for (String field : List.of("spec", "status")) {
            JsonNode fieldSchema = resolve(schema.path("properties").path(field));
            if (object.has(field) && !object.get(field).isNull() && !fieldSchema.isMissingNode()) {
                check(object.get(field), fieldSchema, field, errors, strict);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asText())) {
                errors.add(new FieldError("FieldValueRequired", required.asText(), "Required value"));
            }
        }
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String field, List<FieldError> errors, boolean strict) {
        schema = resolve(schema);
        if (value.isNull()) {
            return;
        }
        if (!typeMatches(value, schema)) {
            String expected = schema.path("x-kubernetes-int-or-string").asBoolean() ? "integer or string"
                    : schema.path("type").asText();
            errors.add(invalid(field, value, field + " in body must be of type " + expected + ": \""
                    + typeName(value) + "\""));
            return;
        }
        checkScalar(value, schema, field, errors);
        if (value.isObject()) {
            checkObject(value, schema, field, errors, strict);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), field + "[" + i + "]", errors, strict);
            }
        }
    }

    private void checkScalar(JsonNode value, JsonNode schema, String field, List<FieldError> errors) {
        if (schema.has("enum") && value.isValueNode()) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                errors.add(new FieldError("FieldValueNotSupported", field, "Unsupported value: \"" + value.asText()
                        + "\": supported values: \"" + String.join("\", \"", allowed) + "\""));
            }
        }
        if (schema.has("pattern") && value.isTextual()
                && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(invalid(field, value, field + " in body should match '" + schema.get("pattern").asText() + "'"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(invalid(field, value, field + " in body should be greater than or equal to "
                    + schema.get("minimum").asText()));
        }
        if ("date-time".equals(schema.path("format").asText()) && value.isTextual() && !isDateTime(value.asText())) {
            errors.add(invalid(field, value, field + " in body must be of type date-time: \"" + value.asText() + "\""));
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String field, List<FieldError> errors, boolean strict) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
                errors.add(new FieldError("FieldValueRequired", field + "." + required.asText(), "Required value"));
            }
        }
        if (schema.has("oneOf") && matchingBranches(value, schema.get("oneOf")) != 1) {
            errors.add(invalid(field, value, field + " in body must match exactly one schema in oneOf"));
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean() || !schema.has("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String child = field + "." + entry.getKey();
            if (properties.has(entry.getKey())) {
                check(entry.getValue(), properties.get(entry.getKey()), child, errors, strict);
            } else if (additional.isObject()) {
                check(entry.getValue(), additional, child, errors, strict);
            } else if (strict && !open) {
                errors.add(new FieldError("FieldValueInvalid", child, "unknown field \"" + child + "\""));
            }
        }
    }

    private static int matchingBranches(JsonNode value, JsonNode branches) {
        int matching = 0;
        for (JsonNode branch : branches) {
            boolean all = true;
            for (JsonNode required : branch.path("required")) {
                all &= value.has(required.asText());
            }
            matching += all ? 1 : 0;
        }
        return matching;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/definitions/") ? root.path("definitions").path(ref.substring(14)) : schema;
    }

    private static boolean typeMatches(JsonNode value, JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            return value.isIntegralNumber() || value.isTextual();
        }
        return switch (schema.path("type").asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static String typeName(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                : value.isArray() ? "array" : "object";
    }

    private static FieldError invalid(String field, JsonNode value, String detail) {
        String shown = value.isContainerNode() ? typeName(value) : value.asText();
        return new FieldError("FieldValueInvalid", field, "Invalid value: \"" + shown + "\": " + detail);
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
