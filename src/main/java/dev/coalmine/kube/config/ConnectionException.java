package dev.coalmine.kube.config;

import dev.coalmine.core.CoalmineException;

/**
 * The cluster could not be reached or refused us. The message names the context and server and says
 * what to do; the cause is kept for debugging only and never shown (it may quote server responses).
 */
public class ConnectionException extends CoalmineException {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
