package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulated requests carry no special header or query parameter, so they follow the first rule that matches
 * without one: header rules (A/B routing such as {@code x-canary: always}) send them nothing.
 */
final class OrdinaryRequests {
    private OrdinaryRequests() {
    }

    /** The first rule whose {@code matchField} is empty or has a condition ordinary requests meet; else null. */
    static JsonNode firstRule(JsonNode rules, String matchField) {
        for (JsonNode rule : rules) {
            JsonNode matches = rule.path(matchField);
            if (matches.isEmpty()) {
                return rule;
            }
            for (JsonNode match : matches) {
                if (match.path("headers").isEmpty() && match.path("queryParams").isEmpty()) {
                    return rule;
                }
            }
        }
        return null;
    }
}
