package dev.coalmine.core.time;

import dev.coalmine.core.CoalmineException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of Coalmine: Go's and kubectl's ({@code 90s}, {@code 1m30s}, {@code 2h},
 * {@code 1h2m3s}, {@code 500ms}, {@code 1.5h}), so a value copied from a Flagger or Argo manifest reads as it does
 * there. Two older forms still read because stored releases and scripts use them: ISO-8601 ({@code PT1M30S}) and a
 * bare number of seconds ({@code 90}).
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ns|us|µs|ms|s|m|h)");
    private static final Pattern GO_FORM = Pattern.compile("(?:" + PART.pattern() + "\\s*)+");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private Durations() {
    }

    /** The duration {@code text} means; junk is refused with a message that shows the forms. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(t).matches()) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (GO_FORM.matcher(t).matches()) {
            try {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(t);
                while (part.find()) {
                    total = total.plus(part(new BigDecimal(part.group(1)), part.group(2)));
                }
                return total;
            } catch (ArithmeticException e) {
                throw new CoalmineException("'" + text.strip() + "' is too long a duration");
            }
        }
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // falls through to the common refusal
            }
        }
        throw new CoalmineException("'" + (text == null ? "" : text.strip())
                + "' is not a duration: use forms like 90s, 1m30s or 2h");
    }

    /** Go's short form without zero parts: {@code 1m30s}, {@code 2h}, {@code 500ms}, {@code 1.5s}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toNanos() % 1_000_000 == 0 ? duration.toMillis() + "ms" : duration.toNanos() + "ns";
        }
        StringBuilder out = new StringBuilder();
        append(out, duration.toHours(), "h");
        append(out, duration.toMinutesPart(), "m");
        BigDecimal seconds = BigDecimal.valueOf(duration.toSecondsPart())
                .add(BigDecimal.valueOf(duration.toNanosPart(), 9)).stripTrailingZeros();
        if (seconds.signum() != 0) {
            out.append(seconds.toPlainString()).append('s');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }

    private static Duration part(BigDecimal amount, String unit) {
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.DOWN).longValueExact());
    }
}
