package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;

/**
 * A metric source could not deliver: the judge turns this into an ERROR verdict, never a pass.
 * The message names the source (URL without credentials) and says what to do.
 */
public class MetricSourceException extends CoalmineException {
    public MetricSourceException(String message) {
        super(message);
    }

    public MetricSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
