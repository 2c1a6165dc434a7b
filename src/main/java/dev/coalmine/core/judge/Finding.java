package dev.coalmine.core.judge;

/**
 * One row of a verdict, as Kayenta's and Argo's analysis views show it: the rule, the window its figures cover,
 * the canary's and the control's figures, the limit, and how the rule came out. Figures are already written
 * with the digits that show why the comparison went the way it did.
 *
 * @param control "" when the rule looks at the canary alone
 * @param note    what else explains the outcome (a p-value, the relative difference, an error); may be empty
 */
public record Finding(String rule, Window window, String canary, String control, String limit, Verdict.Outcome outcome,
                      String note) {
    /** What time a finding's figures cover. */
    public enum Window {
        /** The latest analysis interval (the instant queries' rate window). */
        LAST_INTERVAL("last interval"),
        /** Every point since the analysis started (the comparison's samples). */
        ANALYSIS("analysis so far"),
        /** Since the canary's pods started (container restart counts). */
        CANARY_LIFETIME("canary lifetime"),
        /** Not about a time span (a source that could not be read). */
        NONE("");

        private final String words;

        Window(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Finding {
        control = control == null ? "" : control;
        note = note == null ? "" : note;
        window = window == null ? Window.NONE : window;
    }
}
