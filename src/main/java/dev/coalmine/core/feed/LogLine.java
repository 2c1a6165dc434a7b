package dev.coalmine.core.feed;

import java.time.Instant;

/** One line of a container's log; {@code time} is the API server's timestamp, or null when none came. */
public record LogLine(String pod, String container, Instant time, String text) {
    /** The line as {@code kubectl logs --prefix} prints it: {@code [pod/NAME/CONTAINER] text}. */
    public String prefixed() {
        return "[pod/" + pod + "/" + container + "] " + text;
    }
}
