package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label selectors ({@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}) and
 * field selectors ({@code metadata.name=x}, {@code involvedObject.kind=Deployment}, {@code status.phase!=Running})
 * evaluated on stored objects. The mock store understands only part of these, so the server filters itself.
 */
final class Selectors {
    private static final Pattern SET = Pattern.compile("\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*");
    private static final Pattern COMPARE = Pattern.compile("\\s*([^\\s!=]+)\\s*(==|=|!=)\\s*([^\\s]*)\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([^\\s!=]+)\\s*");

    private Selectors() {
    }

    /** The label and field selectors of a request, combined. */
    static Predicate<JsonNode> of(ApiPath path) {
        Predicate<JsonNode> selected = o -> true;
        if (path.param("labelSelector") != null) {
            selected = selected.and(labels(path.param("labelSelector")));
        }
        if (path.param("fieldSelector") != null) {
            selected = selected.and(fields(path.param("fieldSelector")));
        }
        return selected;
    }

    static Predicate<JsonNode> labels(String selector) {
        Predicate<JsonNode> all = o -> true;
        for (String requirement : splitRequirements(selector)) {
            all = all.and(labelRequirement(requirement));
        }
        return all;
    }

    static Predicate<JsonNode> fields(String selector) {
        Predicate<JsonNode> all = o -> true;
        for (String requirement : splitRequirements(selector)) {
            Matcher m = COMPARE.matcher(requirement);
            if (!m.matches()) {
                throw new Json.BadRequest("invalid field selector requirement: " + requirement);
            }
            String field = m.group(1);
            String value = m.group(3);
            boolean equal = !m.group(2).equals("!=");
            all = all.and(o -> value.equals(fieldValue(o, field)) == equal);
        }
        return all;
    }

    private static String fieldValue(JsonNode object, String field) {
        String value = Json.text(object, field);
        if (value == null && field.equals("metadata.namespace")) {
            return "";
        }
        return value == null ? "" : value;
    }

    private static Predicate<JsonNode> labelRequirement(String requirement) {
        Matcher set = SET.matcher(requirement);
        if (set.matches()) {
            String key = set.group(1);
            Set<String> values = Set.of(set.group(3).trim().split("\\s*,\\s*"));
            boolean in = set.group(2).equals("in");
            return o -> {
                String v = label(o, key);
                return in ? v != null && values.contains(v) : v == null || !values.contains(v);
            };
        }
        Matcher cmp = COMPARE.matcher(requirement);
        if (cmp.matches()) {
            String key = cmp.group(1);
            String value = cmp.group(3);
            boolean equal = !cmp.group(2).equals("!=");
            return o -> value.equals(label(o, key)) == equal;
        }
        Matcher exists = EXISTS.matcher(requirement);
        if (exists.matches()) {
            boolean negate = !exists.group(1).isEmpty();
            String key = exists.group(2);
            return o -> (label(o, key) != null) != negate;
        }
        throw new Json.BadRequest("unable to parse label selector requirement: " + requirement);
    }

    private static String label(JsonNode object, String key) {
        JsonNode v = object.path("metadata").path("labels").get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Splits on commas that are not inside parentheses. */
    private static List<String> splitRequirements(String selector) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        out.removeIf(String::isBlank);
        return out;
    }
}
