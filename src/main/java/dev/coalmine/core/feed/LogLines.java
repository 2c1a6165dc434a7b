package dev.coalmine.core.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads lines of a log requested with {@code timestamps=true}: {@code 2026-01-01T10:00:00.123456789Z text}. */
public final class LogLines {
    /** Longer lines are cut: one runaway line must not hold megabytes in every buffer it passes. */
    public static final int MAX_TEXT_LENGTH = 8_192;

    private LogLines() {
    }

    public static LogLine parse(String pod, String container, String raw) {
        int space = raw.indexOf(' ');
        Instant time = null;
        String text = raw;
        if (space > 0 && Character.isDigit(raw.charAt(0))) {
            try {
                time = Instant.parse(raw.substring(0, space));
                text = raw.substring(space + 1);
            } catch (DateTimeParseException e) {
                time = null;
            }
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH) + " …";
        }
        return new LogLine(pod, container, time, text);
    }
}
