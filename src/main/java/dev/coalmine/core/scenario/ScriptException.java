package dev.coalmine.core.scenario;

import dev.coalmine.core.CoalmineException;

/** A script that cannot be replayed; the message names the line and what is wrong with it. */
public final class ScriptException extends CoalmineException {
    private final int line;

    public ScriptException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
