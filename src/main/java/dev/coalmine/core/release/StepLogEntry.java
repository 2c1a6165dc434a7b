package dev.coalmine.core.release;

import java.time.Instant;

/**
 * One line of a release's step log.
 *
 * @param warning the line reports something that went wrong (a failed check, a failure): it is published as a
 *                {@code Warning} Event, every other line as {@code Normal}
 */
public record StepLogEntry(Instant at, Stage stage, String message, boolean warning) {
    /** A line that reports progress or a success. */
    public StepLogEntry(Instant at, Stage stage, String message) {
        this(at, stage, message, false);
    }

    @Override
    public String toString() {
        return at + " [" + stage.title() + "] " + message;
    }
}
