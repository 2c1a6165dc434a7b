package dev.coalmine.core.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.engine.ObjectPatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The patches match the plugin's getPatches case by case (argo-rollouts pkg/kubectl-argo-rollouts/cmd/promote/
 * promote.go; abort/abort.go, retry/retry.go, restart/restart.go), bodies compared as the plugin's constants read.
 */
@FastTest
class RolloutCommandsTest {
    static final List<CanaryStep> STEPS = List.of(CanaryStep.setWeight(0, 20), CanaryStep.pause(1, ""),
            CanaryStep.setWeight(2, 50), CanaryStep.analysis(3, List.of("success-rate")), CanaryStep.pause(4, "30s"));

    static ArgoRollout rollout(Integer step, List<PauseCondition> pauses, boolean specPaused, StepAnalysis analysis,
            boolean controllerPause) {
        return new ArgoRollout("shop", "checkout", "Paused", "", true, STEPS, step, pauses, specPaused, false,
                controllerPause, "canaryhash", "stablehash", null, new ArgoRollout.Replicas(4, 5, 1, 5, 5), analysis,
                List.of(), null);
    }

    private static final List<PauseCondition> PAUSED = List.of(new PauseCondition("CanaryPauseStep", "2026-12-06T06:00:00Z"));

    @Test
    void promoteAtAPauseStepClearsThePauseConditionsOnTheStatusSubresource() {
        RolloutPatches p = RolloutCommands.promote(rollout(1, PAUSED, false, null, false));
        assertThat(p.patches()).containsExactly(ObjectPatch.status("{\"status\":{\"pauseConditions\":null}}"));
        assertThat(p.withoutStatusSubresource())
                .contains(ObjectPatch.spec("{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null}}"));
    }

    @Test
    void promoteOfAnOperatorPausedRolloutAlsoUnpausesTheSpec() {
        RolloutPatches p = RolloutCommands.promote(rollout(1, PAUSED, true, null, false));
        assertThat(p.patches()).containsExactly(ObjectPatch.status("{\"status\":{\"pauseConditions\":null}}"),
                ObjectPatch.spec("{\"spec\":{\"paused\":false}}"));
    }

    @Test
    void promoteMidStepSkipsToTheNextStep() {
        RolloutPatches p = RolloutCommands.promote(rollout(3, List.of(), false, null, false));
        assertThat(p.patches()).containsExactly(
                ObjectPatch.status("{\"status\":{\"pauseConditions\":null,\"currentStepIndex\":4}}"));
        assertThat(p.withoutStatusSubresource()).contains(ObjectPatch.spec(
                "{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null,\"currentStepIndex\":4}}"));
    }

    @Test
    void promoteWithAnUnsetStepIndexCountsItAsZero() {
        assertThat(RolloutCommands.promote(rollout(null, List.of(), false, null, false)).status())
                .contains("{\"status\":{\"pauseConditions\":null,\"currentStepIndex\":1}}");
    }

    @Test
    void promoteOfAnInconclusiveAnalysisAlsoLiftsTheControllerPauseAndMovesOn() {
        RolloutPatches p = RolloutCommands.promote(rollout(3,
                List.of(new PauseCondition("InconclusiveAnalysisRun", "t")), false,
                new StepAnalysis("checkout-abc-3", "Inconclusive", ""), true));
        assertThat(p.status()).contains(
                "{\"status\":{\"pauseConditions\":null,\"controllerPause\":false,\"currentStepIndex\":4}}");
    }

    @Test
    void promoteFullSetsPromoteFullWhileAnUpdateIsUnderWay() {
        RolloutPatches p = RolloutCommands.promoteFull(rollout(1, PAUSED, true, null, false));
        assertThat(p.patches()).containsExactly(ObjectPatch.status("{\"status\":{\"promoteFull\":true}}"),
                ObjectPatch.spec("{\"spec\":{\"paused\":false}}"));
        assertThat(p.withoutStatusSubresource())
                .contains(ObjectPatch.spec("{\"spec\":{\"paused\":false},\"status\":{\"promoteFull\":true}}"));
    }

    @Test
    void abortAndRetryToggleStatusAbort() {
        assertThat(RolloutCommands.abort().patches()).containsExactly(ObjectPatch.status("{\"status\":{\"abort\":true}}"));
        assertThat(RolloutCommands.abort().withoutStatusSubresource())
                .contains(ObjectPatch.spec("{\"status\":{\"abort\":true}}"));
        assertThat(RolloutCommands.retry().patches()).containsExactly(ObjectPatch.status("{\"status\":{\"abort\":false}}"));
    }

    @Test
    void restartSetsRestartAtInRfc3339Seconds() {
        RolloutPatches p = RolloutCommands.restart(Instant.parse("2026-12-06T06:30:12.345Z"));
        assertThat(p.patches()).containsExactly(ObjectPatch.spec("{\"spec\":{\"restartAt\":\"2026-12-06T06:30:12Z\"}}"));
        assertThat(p.withoutStatusSubresource()).isEqualTo(Optional.empty());
    }

    @Test
    void theWeightIsTheLastSetWeightUpToTheCurrentStep() {
        assertThat(rollout(1, PAUSED, false, null, false).canaryWeight()).isEqualTo(20);
        assertThat(rollout(3, List.of(), false, null, false).canaryWeight()).isEqualTo(50);
        assertThat(rollout(5, List.of(), false, null, false).canaryWeight()).isEqualTo(100);
        assertThat(rollout(1, PAUSED, false, null, false).progress()).isEqualTo("Paused \u00b7 step 2/5 \u00b7 20 %");
    }
}
