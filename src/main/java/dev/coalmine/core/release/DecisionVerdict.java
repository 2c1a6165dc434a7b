package dev.coalmine.core.release;

/** What a decision says about the canary. */
public enum DecisionVerdict {
    PROMOTE, REJECT;

    public String word() {
        return this == PROMOTE ? "promote" : "reject";
    }
}
