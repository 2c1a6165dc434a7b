package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;

/** A refused canary size; front ends that have fields of their own word it from {@link #problem()}. */
public final class InvalidCanarySizeException extends CoalmineException {
    private final transient CanarySizeProblem problem;

    public InvalidCanarySizeException(CanarySizeProblem problem) {
        super(problem.what() + (problem instanceof CanarySizeProblem.NoStableReplicas
                ? ": scale it up or give a canary count" : ": change the canary "
                + (problem.setting() == CanarySizeProblem.Setting.COUNT ? "count" : "percentage")));
        this.problem = problem;
    }

    public CanarySizeProblem problem() {
        return problem;
    }
}
