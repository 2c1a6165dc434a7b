package dev.coalmine.core.release;

import java.time.Instant;

/** A recorded promote or reject: who decided, and when. The driver carries it out. */
public record Decision(Verdict verdict, String who, Instant at) {
    public static Decision promote(String who, Instant at) {
        return new Decision(Verdict.PROMOTE, who, at);
    }

    public static Decision reject(String who, Instant at) {
        return new Decision(Verdict.REJECT, who, at);
    }

    public String describe() {
        return verdict.word() + " by " + who + " at " + at;
    }
}
