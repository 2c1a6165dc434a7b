package dev.coalmine.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;

/** A routing weight as the APIs write it: a number, or (SMI v1alpha1) a quantity such as {@code 900m}. */
final class Weights {
    private Weights() {
    }

    static double of(JsonNode weight, double whenMissing) {
        if (weight == null || weight.isMissingNode() || weight.isNull()) {
            return whenMissing;
        }
        if (weight.isNumber()) {
            return Math.max(0, weight.asDouble());
        }
        return parse(weight.asText(), whenMissing);
    }

    static double parse(String text, double whenMissing) {
        if (text == null || text.isBlank()) {
            return whenMissing;
        }
        String t = text.trim();
        try {
            return Math.max(0, t.endsWith("m") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 1000
                    : Double.parseDouble(t));
        } catch (NumberFormatException e) {
            // A weight no router would accept sends nothing to that backend.
            return 0;
        }
    }
}
