package dev.coalmine.ui.flagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.engine.Condition;
import dev.coalmine.core.flagger.CanarySnapshot;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.flagger.GateAction;
import dev.coalmine.core.flagger.Steering;
import dev.coalmine.core.flagger.Webhook;
import dev.coalmine.core.workload.WorkloadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Canary view-model presents Flagger's status (phase, weight, failed checks against the threshold, iterations,
 * conditions, both Deployments) and calls a gate only when asked; synchronous here, with no cluster.
 */
@FastTest
class FlaggerCanaryViewModelTest {
    private static final List<Webhook> GATED = List.of(
            new Webhook("confirm-promotion", "promotion gate", "http://flagger-loadtester.shop/gate/check"),
            new Webhook("rollback", "rollback", "http://flagger-loadtester.shop/rollback/check"));

    private final FakeCanary port = new FakeCanary();
    private final FlaggerCanaryViewModel model = new FlaggerCanaryViewModel("search", port, Runnable::run, Runnable::run);

    @Test
    void showsPhaseWeightFailedChecksIterationsConditionsAndBothDeployments() {
        model.open();
        assertThat(model.headlineProperty().get()).isEqualTo("Loading the Canary\u2026");

        port.publish(canary("Progressing", 20, 1, GATED));

        assertThat(model.headlineProperty().get()).isEqualTo("Canary search  \u00b7  Progressing \u00b7 20 % \u00b7 1/5 failed checks");
        assertThat(model.detailsProperty().get()).isEqualTo("Iterations 2  \u00b7  analysis every 1m, stepWeight 10 up "
                + "to 50 %, rolled back after 5 failed checks  \u00b7  last transition 2026-12-06T06:00:00Z");
        assertThat(model.conditions()).containsExactly(
                "Promoted=Unknown (Progressing): New revision detected, progressing canary analysis.");
        CanarySnapshot shown = model.snapshotProperty().get();
        assertThat(shown.primary().orElseThrow().name()).isEqualTo("search-primary");
        assertThat(shown.target().orElseThrow().name()).isEqualTo("search");
        assertThat(model.steeringProperty().get()).isInstanceOf(Steering.Steerable.class);
    }

    @Test
    void aGateIsCalledOnlyWhenAskedAndItsAnswerIsShownInOneLine() {
        model.open();
        port.publish(canary("Progressing", 20, 0, GATED));
        GateAction open = ((Steering.Steerable) model.steeringProperty().get()).actions().get(0);
        assertThat(port.called).isEmpty();
        assertThat(open.preview()).startsWith("POST /gate/open on the load tester");

        model.call(open);
        assertThat(port.called).containsExactly(open);
        assertThat(model.messageProperty().get()).startsWith("Open gate: the load tester accepted it");
        assertThat(model.busyProperty().get()).isFalse();

        port.failure = new CoalmineException("the load tester refused /gate/open: 503 Service Unavailable");
        model.call(open);
        assertThat(model.messageProperty().get()).isEqualTo("the load tester refused /gate/open: 503 Service Unavailable");
    }

    @Test
    void aCanaryWithoutGateWebhooksSaysWhyItCannotBeSteeredAndAGoneOneSaysSo() {
        model.open();
        port.publish(canary("Succeeded", 0, 0, List.of()));
        assertThat(model.steeringProperty().get()).isInstanceOfSatisfying(Steering.NotSteerable.class,
                s -> assertThat(s.why()).contains("cannot be steered"));

        port.gone();
        assertThat(model.headlineProperty().get()).isEqualTo("Canary search does not exist (any more)");
    }

    private static CanarySnapshot canary(String phase, int weight, int failedChecks, List<Webhook> hooks) {
        FlaggerCanary canary = new FlaggerCanary("shop", "search", "Deployment", "search", phase, weight, failedChecks,
                2, new FlaggerCanary.Analysis("1m", 5, 50, 10, List.of(), 0), hooks,
                List.of(new Condition("Promoted", "Unknown", "Progressing",
                        "New revision detected, progressing canary analysis.")), "2026-12-06T06:00:00Z");
        return new CanarySnapshot(canary, Optional.of(deployment("search-primary", "shop/search:5.0.2")),
                Optional.of(deployment("search", "shop/search:5.1.0")));
    }

    private static WorkloadSummary deployment(String name, String image) {
        return new WorkloadSummary("shop", name, 2, 2, 2, 2,
                List.of(new WorkloadSummary.ContainerImage("search", image)), Optional.empty());
    }

    private static final class FakeCanary implements CanaryPort {
        final List<GateAction> called = new ArrayList<>();
        Consumer<Optional<CanarySnapshot>> snapshots;
        RuntimeException failure;

        void publish(CanarySnapshot snapshot) {
            snapshots.accept(Optional.of(snapshot));
        }

        void gone() {
            snapshots.accept(Optional.empty());
        }

        @Override
        public AutoCloseable watch(Consumer<Optional<CanarySnapshot>> listener) {
            snapshots = listener;
            return () -> { };
        }

        @Override
        public void call(GateAction action) {
            if (failure != null) {
                throw failure;
            }
            called.add(action);
        }
    }
}
