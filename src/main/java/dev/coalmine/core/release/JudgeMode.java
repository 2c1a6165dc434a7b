package dev.coalmine.core.release;

/** Who judges the canary: a person (promote/reject) or the automatic analysis. */
public enum JudgeMode { MANUAL, AUTOMATIC }
