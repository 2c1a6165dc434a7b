package dev.coalmine.core.traffic;

import dev.coalmine.core.CoalmineException;

/** Requests carrying header {@code name} with exactly {@code value} go to the canary, whatever the weight. */
public record HeaderMatch(String name, String value) {
    /** An HTTP header name: RFC 9110 token characters. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    public HeaderMatch {
        if (name == null || !name.matches(TOKEN)) {
            throw new CoalmineException("'" + name + "' is not a header name: use letters, digits and dashes, "
                    + "e.g. --header x-canary=always");
        }
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new CoalmineException("header " + name + " needs a value without control characters, e.g. --header "
                    + name + "=always");
        }
    }

    /** {@code NAME=VALUE}. */
    public static HeaderMatch parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0) {
            throw new CoalmineException("'" + text + "' is not NAME=VALUE: write e.g. --header x-canary=always");
        }
        return new HeaderMatch(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
