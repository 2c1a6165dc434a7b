package dev.coalmine.core;

/**
 * A failure whose message is written for the operator: it says what is wrong and what to do.
 * The console and the CLI show the message as it is, never a stack trace.
 */
public class CoalmineException extends RuntimeException {
    public CoalmineException(String message) {
        super(message);
    }

    public CoalmineException(String message, Throwable cause) {
        super(message, cause);
    }
}
