package dev.coalmine.core.scenario;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a trainer's script, a small YAML list of steps:
 * <pre>
 * - at: 30s
 *   canary: slow
 *   note: latency triples; watch p99
 * - at: 90s
 *   canary: crash
 * </pre>
 * Keys: {@code at} (required; 0s, 30s, 1m30s), {@code canary} (healthy, faulty, slow, bad-image, crash-loop),
 * {@code rate} (requests per second per Service), {@code note}. Only this subset of YAML is read, so every
 * mistake is reported with its line and what to write instead.
 */
public final class ScriptParser {
    /** The demo's request-rate dial goes this far. */
    public static final double MAX_RATE = 1000;
    private static final List<String> KEYS = List.of("at", "canary", "rate", "note");

    private ScriptParser() {
    }

    public static TrainerScript parse(String text) {
        List<ScriptStep> steps = new ArrayList<>();
        Map<String, Entry> current = null;
        int start = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = withoutComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            String entry;
            if (line.startsWith("- ") || line.equals("-")) {
                if (current != null) {
                    steps.add(step(start, current, steps));
                }
                current = new LinkedHashMap<>();
                start = number;
                entry = line.substring(1).strip();
                if (entry.isEmpty()) {
                    throw new ScriptException(number, "a step starts with \"- at: <time>\", e.g. \"- at: 30s\"");
                }
            } else if (Character.isWhitespace(line.charAt(0)) && current != null) {
                entry = line.strip();
            } else {
                throw new ScriptException(number, "expected a step (\"- at: 30s\") or an indented \"key: value\" under "
                        + "one, got \"" + line.strip() + "\"");
            }
            addEntry(current, entry, number);
        }
        if (current != null) {
            steps.add(step(start, current, steps));
        }
        if (steps.isEmpty()) {
            throw new ScriptException(1, "the script has no steps; write one per moment, e.g. \"- at: 30s\" and "
                    + "\"  canary: slow\" under it");
        }
        return new TrainerScript(steps);
    }

    private record Entry(int line, String value) {
    }

    private static void addEntry(Map<String, Entry> step, String entry, int number) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
            throw new ScriptException(number, "expected \"key: value\" (keys: " + String.join(", ", KEYS) + "), got \""
                    + entry + "\"");
        }
        String key = entry.substring(0, colon).strip();
        String value = unquoted(entry.substring(colon + 1).strip());
        if (!KEYS.contains(key)) {
            throw new ScriptException(number, "unknown key \"" + key + "\"; a step has " + String.join(", ", KEYS));
        }
        if (step.containsKey(key)) {
            throw new ScriptException(number, "\"" + key + "\" is given twice in this step (first on line "
                    + step.get(key).line() + ")");
        }
        if (value.isEmpty()) {
            throw new ScriptException(number, "\"" + key + "\" has no value");
        }
        step.put(key, new Entry(number, value));
    }

    private static ScriptStep step(int start, Map<String, Entry> entries, List<ScriptStep> before) {
        Entry at = entries.get("at");
        if (at == null) {
            throw new ScriptException(start, "this step has no \"at\": say when it happens, e.g. \"at: 30s\"");
        }
        Duration when = duration(at);
        if (!before.isEmpty() && when.compareTo(before.get(before.size() - 1).at()) < 0) {
            throw new ScriptException(at.line(), "at " + Durations.format(when) + " comes before the previous step's "
                    + Durations.format(before.get(before.size() - 1).at()) + "; list the steps in time order");
        }
        Optional<CanaryBehaviour> canary = Optional.ofNullable(entries.get("canary")).map(ScriptParser::behaviour);
        OptionalDouble rate = entries.containsKey("rate") ? OptionalDouble.of(rate(entries.get("rate")))
                : OptionalDouble.empty();
        Optional<String> note = Optional.ofNullable(entries.get("note")).map(Entry::value);
        if (canary.isEmpty() && rate.isEmpty() && note.isEmpty()) {
            throw new ScriptException(start, "this step does nothing: give it a \"canary\", a \"rate\" or a \"note\"");
        }
        return new ScriptStep(start, when, canary, rate, note);
    }

    private static Duration duration(Entry at) {
        try {
            Duration d = Durations.parse(at.value());
            if (d.isNegative()) {
                throw new ScriptException(at.line(), "\"at\" cannot be negative");
            }
            return d;
        } catch (ScriptException e) {
            throw e;
        } catch (CoalmineException e) {
            throw new ScriptException(at.line(), "\"" + at.value() + "\" is not a time after the start; write e.g. "
                    + "0s, 30s, 1m30s");
        }
    }

    private static CanaryBehaviour behaviour(Entry canary) {
        return CanaryBehaviour.of(canary.value()).orElseThrow(() -> new ScriptException(canary.line(), "unknown canary "
                + "behaviour \"" + canary.value() + "\"; use one of " + CanaryBehaviour.choices()));
    }

    private static double rate(Entry rate) {
        try {
            double value = Double.parseDouble(rate.value());
            if (value >= 0 && value <= MAX_RATE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScriptException(rate.line(), "\"rate\" must be requests per second from 0 to " + (int) MAX_RATE
                + ", got \"" + rate.value() + "\"");
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        String kept = line.startsWith("#") || line.strip().startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line;
        return kept.stripTrailing();
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
