package dev.coalmine.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.core.workload.WorkloadSummary.ContainerImage;
import java.util.ArrayList;
import java.util.EnumSet;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review step's engine choice: only installed engines, previewed before Start, and the hand-off on Start. */
@FastTest
class WizardEngineChoiceTest {
    private static final WorkloadSummary API = new WorkloadSummary("shop", "api", 2, 2, 2, 2,
            List.of(new ContainerImage("api", "shop/api:2.7.1")), Optional.empty());

    private final List<String> calls = new ArrayList<>();
    private final List<WorkloadSummary> opened = new ArrayList<>();
    private final List<String> handedOff = new ArrayList<>();

    @Test
    void offersOnlyInstalledEnginesPreviewsTheChosenOneAndHandsTheReleaseToIt() {
        WizardViewModel wizard = new WizardViewModel(API, true, launcher(EnumSet.of(Engine.COALMINE,
                Engine.ARGO_ROLLOUTS)), Runnable::run, Runnable::run, opened::add,
                (workload, engine) -> handedOff.add(workload.name() + " to " + engine.id()));
        wizard.next();
        wizard.version().fields().get(0).imageProperty().set("shop/api:2.8.0");
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.engines()).containsExactly(Engine.COALMINE, Engine.ARGO_ROLLOUTS);
        assertThat(wizard.previewProperty().get().orElseThrow().yaml()).isEqualTo("kind: Deployment\n");

        wizard.engineProperty().set(Engine.ARGO_ROLLOUTS);
        assertThat(wizard.previewProperty().get().orElseThrow().yaml()).isEqualTo("kind: Rollout\n");
        assertThat(wizard.reviewStatusProperty().get()).contains("hands the release to argo-rollouts");
        wizard.start();

        assertThat(calls).containsExactly("preview coalmine", "preview argo-rollouts", "start argo-rollouts");
        assertThat(wizard.reviewStatusProperty().get()).startsWith("Handed to argo-rollouts");
        assertThat(opened).as("Coalmine's rollout view has nothing to show of a handed-off release").isEmpty();
        assertThat(handedOff).as("the engine's view opens on it").containsExactly("api to argo-rollouts");
    }

    private ReleaseLauncher launcher(Set<Engine> installed) {
        return new ReleaseLauncher() {
            @Override
            public ReviewContent preview(ReleasePlan plan) {
                return preview(plan, Engine.COALMINE);
            }

            @Override
            public void start(ReleasePlan plan) {
                start(plan, Engine.COALMINE);
            }

            @Override
            public Set<Engine> engines() {
                return installed;
            }

            @Override
            public ReviewContent preview(ReleasePlan plan, Engine engine) {
                calls.add("preview " + engine.id());
                return new ReviewContent(engine.inCluster() ? "kind: Rollout\n" : "kind: Deployment\n", List.of(), List.of(),
                        List.of());
            }

            @Override
            public void start(ReleasePlan plan, Engine engine) {
                calls.add("start " + engine.id());
            }

            @Override
            public String testMetrics(JudgeSpec judge, String namespace, String deployment) {
                return "";
            }

            @Override
            public List<TrafficProviders.Offer> trafficOffers() {
                return List.of(); // the replica ratio only
            }

            @Override
            public Optional<String> unfinishedRelease(String namespace, String deployment) {
                return Optional.empty();
            }
        };
    }
}
