package dev.coalmine.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * How long ago something happened, as a list shows it: "just now", "45 s ago", "2 min ago", "3 h ago",
 * "5 days ago" (the largest whole unit, like kubectl's AGE column, in words an operator reads at a glance).
 */
public final class RelativeTime {
    private RelativeTime() {
    }

    public static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 10) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 60 * 60) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 24 * 60 * 60) {
            return seconds / (60 * 60) + " h ago";
        }
        long days = seconds / (24 * 60 * 60);
        return days == 1 ? "1 day ago" : days + " days ago";
    }

    /** A duration in its two largest units: "45 s", "3 min 20 s", "2 h 5 min", "3 days 4 h". */
    public static String took(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 60 * 60) {
            return withPart(seconds / 60 + " min", seconds % 60, " s");
        }
        if (seconds < 24 * 60 * 60) {
            return withPart(seconds / 3600 + " h", seconds % 3600 / 60, " min");
        }
        long days = seconds / 86400;
        return withPart(days == 1 ? "1 day" : days + " days", seconds % 86400 / 3600, " h");
    }

    private static String withPart(String whole, long part, String unit) {
        return part == 0 ? whole : whole + " " + part + unit;
    }
}
