package dev.coalmine.demo.sim;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps with second precision, as the API server stores them. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parse(String timestamp) {
        return timestamp == null ? null : Instant.parse(timestamp);
    }
}
