package dev.coalmine.ui.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.argo.ArgoRollout;
import dev.coalmine.core.argo.CanaryStep;
import dev.coalmine.core.argo.PauseCondition;
import dev.coalmine.core.argo.RolloutCommand;
import dev.coalmine.core.argo.RolloutPatches;
import dev.coalmine.core.argo.RolloutSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Rollout view-model presents the controller's snapshots and sends a command only after the plan was confirmed;
 * everything runs synchronously here (background and UI thread are the caller), with no cluster.
 */
@FastTest
class ArgoRolloutViewModelTest {
    private static final List<CanaryStep> STEPS = List.of(CanaryStep.setWeight(0, 25), CanaryStep.pause(1, ""),
            CanaryStep.setWeight(2, 75));

    private final FakeRollout rollout = new FakeRollout();
    private final ArgoRolloutViewModel model = new ArgoRolloutViewModel("shop", "web", rollout, Runnable::run,
            Runnable::run);

    @Test
    void showsStepsPausesAndWhatEachCommandMayDo() {
        model.open();
        assertThat(model.headlineProperty().get()).isEqualTo("Loading the Rollout\u2026");

        rollout.publish(paused());

        assertThat(model.headlineProperty().get()).isEqualTo("Rollout web  \u00b7  Paused \u00b7 step 2/3 \u00b7 25 %");
        assertThat(model.steps()).extracting(StepRow::text).containsExactly("\u2714 1. setWeight 25",
                "\u25B6 2. pause (until promoted)", "\u25CB 3. setWeight 75");
        assertThat(model.pausesProperty().get()).isEqualTo("Paused: CanaryPauseStep since 2026-12-06T06:00:00Z");
        assertThat(model.canRun(RolloutCommand.PROMOTE).get()).isTrue();
        assertThat(model.canRun(RolloutCommand.ABORT).get()).isTrue();
        assertThat(model.canRun(RolloutCommand.RETRY).get()).isFalse();
    }

    @Test
    void aCommandIsSentOnlyAfterItsPlanIsConfirmed() {
        model.open();
        rollout.publish(paused());
        List<RolloutPatches> shown = new ArrayList<>();

        model.prepare(RolloutCommand.PROMOTE, shown::add);

        assertThat(shown).singleElement().satisfies(plan -> assertThat(model.confirmation(RolloutCommand.PROMOTE, plan))
                .startsWith("kubectl argo rollouts promote web -n shop sends:\n"
                        + "PATCH rollouts/web/status  {\"status\":{\"pauseConditions\":null}}"));
        assertThat(rollout.applied).isEmpty();

        model.run(shown.get(0));

        assertThat(rollout.applied).containsExactly(shown.get(0));
        assertThat(model.messageProperty().get()).startsWith("Sent promote;");
    }

    @Test
    void aFailedCommandSaysWhyInOneLine() {
        model.open();
        rollout.publish(paused());
        rollout.failure = new CoalmineException("abort of Rollout shop/web failed: Forbidden");

        model.run(RolloutCommandsFor.abort());

        assertThat(model.messageProperty().get()).isEqualTo("abort of Rollout shop/web failed: Forbidden");
        assertThat(model.canRun(RolloutCommand.ABORT).get()).isTrue();
    }

    private static ArgoRollout paused() {
        return new ArgoRollout("shop", "web", "Paused", "CanaryPauseStep", true, STEPS, 1,
                List.of(new PauseCondition("CanaryPauseStep", "2026-12-06T06:00:00Z")), false, false, true, "new",
                "old", 25, new ArgoRollout.Replicas(4, 5, 1, 5, 5), null, List.of(), "web");
    }

    /** The abort patches, as a confirmed plan. */
    private static final class RolloutCommandsFor {
        static RolloutPatches abort() {
            return RolloutCommand.ABORT.patchesFor(paused(), Instant.EPOCH);
        }
    }

    private static final class FakeRollout implements RolloutPort {
        final List<RolloutPatches> applied = new ArrayList<>();
        Consumer<Optional<RolloutSnapshot>> snapshots;
        ArgoRollout current;
        RuntimeException failure;

        void publish(ArgoRollout rollout) {
            current = rollout;
            snapshots.accept(Optional.of(new RolloutSnapshot(rollout, List.of(), List.of())));
        }

        @Override
        public AutoCloseable watch(Consumer<Optional<RolloutSnapshot>> listener) {
            snapshots = listener;
            return () -> { };
        }

        @Override
        public RolloutPatches plan(RolloutCommand command) {
            return command.patchesFor(current, Instant.EPOCH);
        }

        @Override
        public void apply(RolloutPatches patches) {
            if (failure != null) {
                throw failure;
            }
            applied.add(patches);
        }
    }
}
