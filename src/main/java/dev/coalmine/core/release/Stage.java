package dev.coalmine.core.release;

/** The step-log sections, as in a Harness canary workflow log. */
public enum Stage {
    PREPARE("Prepare"), APPLY("Apply"), WAIT_FOR_STEADY_STATE("Wait for steady state"),
    ANALYSIS("Analysis"), WRAP_UP("Wrap-up");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
