package dev.coalmine.cli;

import dev.coalmine.core.release.CanarySizeProblem;

/** A refused canary size in the CLI's words: the option to pass. */
public final class CanarySizeWording {
    private CanarySizeWording() {
    }

    public static String of(CanarySizeProblem problem) {
        String change = problem instanceof CanarySizeProblem.NoStableReplicas ? "scale it up or use --count"
                : problem instanceof CanarySizeProblem.CountAboveStable above ? "pass --count "
                        + above.stableReplicas() + " or less, or scale stable up first"
                : problem.setting() == CanarySizeProblem.Setting.COUNT ? "pass --count 1 or more"
                : "pass --percent between 0 (exclusive) and 100";
        return problem.what() + ": " + change;
    }
}
