package dev.coalmine.cli.canary;

import java.time.Duration;

/** An age as kubectl's AGE column shows it: its largest whole unit ({@code 45s}, {@code 2m}, {@code 3h}, {@code 5d}). */
final class Age {
    private Age() {
    }

    static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 60 * 60) {
            return seconds / 60 + "m";
        }
        if (seconds < 24 * 60 * 60) {
            return seconds / (60 * 60) + "h";
        }
        long days = seconds / (24 * 60 * 60);
        return days < 365 ? days + "d" : days / 365 + "y";
    }
}
