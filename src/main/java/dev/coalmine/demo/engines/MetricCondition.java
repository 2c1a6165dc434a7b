package dev.coalmine.demo.engines;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo Rollouts' success and failure conditions over a Prometheus vector, for the expressions its docs use:
 * comparisons of {@code result[0]} (or {@code result}) with a number, {@code isNaN(result[0])}, joined by
 * {@code &&} and {@code ||}.
 */
final class MetricCondition {
    private static final Pattern COMPARISON =
            Pattern.compile("^(?:result\\[0]|result|asFloat\\(result\\[0]\\))\\s*(>=|<=|==|!=|>|<)\\s*(-?[0-9.]+)$");

    private MetricCondition() {
    }

    /** Evaluates {@code expression} for {@code value}; an expression it does not understand is an error. */
    static boolean holds(String expression, double value) {
        for (String alternative : expression.split("\\|\\|")) {
            boolean all = true;
            for (String term : alternative.split("&&")) {
                all &= term(term.trim(), value);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean term(String term, double value) {
        if (term.matches("isNaN\\(result(\\[0])?\\)")) {
            return Double.isNaN(value);
        }
        Matcher m = COMPARISON.matcher(term);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot evaluate condition '" + term + "'");
        }
        double limit = Double.parseDouble(m.group(2));
        return switch (m.group(1)) {
            case ">=" -> value >= limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case "<" -> value < limit;
            case "==" -> value == limit;
            default -> value != limit;
        };
    }
}
