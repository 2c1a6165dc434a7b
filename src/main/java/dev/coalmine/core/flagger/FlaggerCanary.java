package dev.coalmine.core.flagger;

import dev.coalmine.core.engine.Condition;
import java.util.List;

/**
 * What the console shows of a Flagger {@code Canary} (flagger.app/v1beta1), from its spec and the status Flagger
 * writes (pkg/apis/flagger/v1beta1/status.go).
 *
 * @param phase        Initializing, Initialized, Waiting, Progressing, WaitingPromotion, Promoting, Finalising,
 *                     Succeeded, Failed, Terminating, Terminated ("" before Flagger wrote it)
 * @param targetName   the Deployment in {@code spec.targetRef}: Flagger runs the canary pods there and copies the
 *                     promoted spec to {@code <target>-primary}
 * @param iterations   {@code status.iterations}: analysis runs so far (in A/B and blue/green mode: of {@code analysis.iterations})
 */
public record FlaggerCanary(String namespace, String name, String targetKind, String targetName, String phase,
        int canaryWeight, int failedChecks, int iterations, Analysis analysis, List<Webhook> webhooks,
        List<Condition> conditions, String lastTransitionTime) {

    /** {@code spec.analysis}: how Flagger steps and when it gives up. */
    public record Analysis(String interval, int threshold, int maxWeight, int stepWeight, List<Integer> stepWeights,
            int iterations) {
        public Analysis {
            stepWeights = List.copyOf(stepWeights);
        }

        /** "every 1m, stepWeight 10 up to 50 %, give up after 5 failed checks". */
        public String describe() {
            String steps = !stepWeights.isEmpty() ? "weights " + stepWeights
                    : iterations > 0 && stepWeight == 0 ? iterations + " iterations"
                    : "stepWeight " + stepWeight + " up to " + maxWeight + " %";
            return "every " + interval + ", " + steps + ", rolled back after " + threshold + " failed checks";
        }
    }

    public FlaggerCanary {
        webhooks = List.copyOf(webhooks);
        conditions = List.copyOf(conditions);
        phase = phase == null ? "" : phase;
    }

    /** The Deployment Flagger serves stable traffic from. */
    public String primaryName() {
        return targetName + "-primary";
    }

    /** "Progressing · 20 % · 1/5 failed checks". */
    public String progress() {
        return (phase.isEmpty() ? "Unknown" : phase) + " \u00b7 " + canaryWeight + " % \u00b7 " + failedChecks + "/"
                + analysis.threshold() + " failed checks";
    }

    /** A canary analysis is under way (Flagger's own test for running rollback hooks: Progressing or Waiting). */
    public boolean analysing() {
        return phase.equals("Progressing") || phase.equals("Waiting") || phase.equals("WaitingPromotion");
    }
}
