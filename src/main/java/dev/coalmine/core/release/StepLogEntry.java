package dev.coalmine.core.release;

import java.time.Instant;

/** One line of a release's step log. */
public record StepLogEntry(Instant at, Stage stage, String message) {
    @Override
    public String toString() {
        return at + " [" + stage.title() + "] " + message;
    }
}
