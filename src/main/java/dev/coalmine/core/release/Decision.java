package dev.coalmine.core.release;

import java.time.Instant;

/**
 * A recorded promote or reject: who decided, when, and why (the automatic judge gives its reasons; a person
 * usually none, so {@code reason} may be null). The driver carries it out.
 */
public record Decision(DecisionVerdict verdict, String who, Instant at, String reason) {
    public Decision(DecisionVerdict verdict, String who, Instant at) {
        this(verdict, who, at, null);
    }

    public static Decision promote(String who, Instant at) {
        return new Decision(DecisionVerdict.PROMOTE, who, at);
    }

    public static Decision reject(String who, Instant at) {
        return new Decision(DecisionVerdict.REJECT, who, at);
    }

    public String describe() {
        return verdict.word() + " by " + who + " at " + at + (reason == null ? "" : ": " + reason);
    }
}
