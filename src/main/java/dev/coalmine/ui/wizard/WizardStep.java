package dev.coalmine.ui.wizard;

/** The wizard's pages, in order. */
public enum WizardStep {
    WORKLOAD("Workload"), VERSION("New version"), SIZE("Canary size"), TRAFFIC("Traffic"), JUDGE("Judge"),
    REVIEW("Review");

    private final String title;

    WizardStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
