package dev.coalmine.core.judge;

/** How the canary's values of one metric compare with the control's (Kayenta's classification). */
public enum Classification {
    PASS, HIGH, LOW, NO_DATA
}
