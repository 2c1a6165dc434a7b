package dev.coalmine.demo.server;

/**
 * The faults the demo API server can inject, each where a real API server would produce it: a Conflict only on an
 * update, an expired watch only on a watch. The injected answer comes before the store sees the request, so a
 * faulted write never happened.
 */
public enum ApiFault {
    /** 500 InternalError. */
    SERVER_ERROR,
    /**
     * 409 Conflict on a PUT, as when someone else wrote since the client read (a real server retries a patch's
     * conflicts itself, so only replacements see one).
     */
    CONFLICT,
    /** A watch that expires at once: a 410 Gone ERROR event ("too old resource version"), then the end. */
    WATCH_EXPIRED,
    /** 429 TooManyRequests with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** The connection is closed without an answer. */
    CONNECTION_RESET,
    /** The request is answered normally, two seconds late. */
    DELAY;

    /** Whether a real API server could answer this request so. */
    boolean fits(String method, boolean watch) {
        return switch (this) {
            case CONFLICT -> method.equals("PUT");
            case WATCH_EXPIRED -> watch;
            default -> true;
        };
    }
}
