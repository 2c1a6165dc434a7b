package dev.coalmine.core.judge;

/** What the engine should do after an analysis interval. */
public enum AnalysisDecision {
    KEEP_GOING, PROMOTE, REJECT, WAIT_FOR_HUMAN;

    /** Promote and reject end the analysis; nothing recorded afterwards changes them. */
    public boolean isFinal() {
        return this == PROMOTE || this == REJECT;
    }
}
