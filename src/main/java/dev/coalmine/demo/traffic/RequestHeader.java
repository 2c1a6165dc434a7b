package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * The one header a simulated request may carry (the trainer's {@code header} knob, see {@link KnobSettings}), or
 * {@link #NONE}. Simulated requests carry no query parameters, and their path and method meet every rule: a rule
 * applies when one of its matches asks only for headers the request carries. Ordinary requests therefore pass by
 * header rules (A/B routing such as {@code x-canary: always}); requests with that header take them.
 */
record RequestHeader(String name, String value) {
    static final RequestHeader NONE = new RequestHeader("", "");

    /** {@code NAME=VALUE}, as {@code --header} takes it; null when the text is not of that form. */
    static RequestHeader parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            return null;
        }
        return new RequestHeader(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    /** The first rule whose {@code matchField} is empty or holds a match this request meets; else null. */
    JsonNode firstRule(JsonNode rules, String matchField) {
        for (JsonNode rule : rules) {
            JsonNode matches = rule.path(matchField);
            if (matches.isEmpty()) {
                return rule;
            }
            for (JsonNode match : matches) {
                if (meets(match)) {
                    return rule;
                }
            }
        }
        return null;
    }

    /** Whether the request carries header {@code header} with a value that {@code type} (exact, prefix, regex) accepts. */
    boolean carries(String header, String type, String expected) {
        if (name.isEmpty() || !name.equalsIgnoreCase(header)) {
            return false;
        }
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "", "exact" -> value.equals(expected);
                case "prefix" -> value.startsWith(expected);
                case "regex", "regularexpression" -> value.matches(expected);
                default -> false;
            };
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** A Gateway API match lists {@code headers: [{type, name, value}]}; Istio's maps a name to {@code {exact: v}}. */
    private boolean meets(JsonNode match) {
        if (!match.path("queryParams").isEmpty()) {
            return false;
        }
        JsonNode headers = match.path("headers");
        if (headers.isArray()) {
            for (JsonNode h : headers) {
                if (!carries(h.path("name").asText(), h.path("type").asText(""), h.path("value").asText())) {
                    return false;
                }
            }
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            Iterator<Map.Entry<String, JsonNode>> condition = header.getValue().fields();
            Map.Entry<String, JsonNode> first = condition.hasNext() ? condition.next() : null;
            if (first == null || !carries(header.getKey(), first.getKey(), first.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
