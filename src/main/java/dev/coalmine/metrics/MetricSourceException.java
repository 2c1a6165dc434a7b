package dev.coalmine.metrics;

import dev.coalmine.core.CoalmineException;

/**
 * A metric source could not deliver: the judge turns this into an ERROR verdict, never a pass.
 * The message names the source (URL without credentials) and says what to do.
 */
public class MetricSourceException extends CoalmineException {
    private final String problem;

    public MetricSourceException(String message) {
        super(message);
        this.problem = message;
    }

    public MetricSourceException(String message, Throwable cause) {
        super(message, cause);
        this.problem = message;
    }

    /** {@code problem} says what went wrong; {@code cliAdvice} what to do, in the command line's words. */
    public MetricSourceException(String problem, String cliAdvice, Throwable cause) {
        super(problem + " " + cliAdvice, cause);
        this.problem = problem;
    }

    /** What went wrong without the command line's advice, for a presenter that words its own (the console). */
    public String problem() {
        return problem;
    }
}
