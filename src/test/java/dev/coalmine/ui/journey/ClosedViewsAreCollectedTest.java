package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.rollout.RolloutView;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator opens and leaves releases all day: a page left for another workload or namespace is closed, nothing
 * long-lived (the cluster cache, the workload list, the window and its shortcuts, a ticker) keeps it, its charts and
 * its feeds alive, and the informers it used are given back.
 */
class ClosedViewsAreCollectedTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final KeyCombination TAB_2 = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);

    @Test
    void aRolloutViewLeftForAnotherWorkloadIsGarbageCollected(FxRobot robot) throws Exception {
        Journeys.startFrontendFromPipeline(console.client(), TrafficPlan.replicas());
        Journeys.select(robot, "shop-api", "#start-canary");
        int informers = console.informersInUse();
        List<WeakReference<RolloutView>> left = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Journeys.select(robot, Journeys.FRONTEND, "#events-table");
            Thread.sleep(2_000); // its feeds, charts and tickers running
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            Eventually.assertThat(() -> assertThat(robot.lookup("#rollout-tabs").queryAs(TabPane.class)
                    .getSelectionModel().getSelectedIndex()).as("Ctrl+2: the Events tab").isEqualTo(1));
            left.add(new WeakReference<>(robot.lookup("#rollout-view").queryAs(RolloutView.class)));
            leaveFor(robot, "#rollout-view", "shop-api");
            assertThat(FxToolkit.toolkitContext().getRegisteredStage().getScene().getAccelerators())
                    .as("the left view's Ctrl+1…4").doesNotContainKey(TAB_2);
        }
        Eventually.assertThat(() -> assertThat(console.informersInUse()).as("informers in use once left").isEqualTo(informers));
        assertCollected(left);
    }

    @Test
    void theHistoryAndTheOverviewLeftForAnotherWorkloadAreGarbageCollected(FxRobot robot) {
        Journeys.startFrontendFromPipeline(console.client(), TrafficPlan.replicas());
        Journeys.select(robot, Journeys.FRONTEND, "#pages-history");
        robot.clickOn("#pages-history");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#history-table").queryTableView().getItems()).isNotEmpty());
        List<WeakReference<Node>> left = new ArrayList<>();
        left.add(new WeakReference<>(robot.lookup("#release-history").query()));
        leaveFor(robot, "#release-history", "shop-api");

        int informers = console.informersInUse();
        robot.clickOn("#releases-overview-button");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#overview-table").queryTableView().getItems()).isNotEmpty());
        left.add(new WeakReference<>(robot.lookup("#releases-overview").query()));
        leaveFor(robot, "#releases-overview", Journeys.FRONTEND);
        leaveFor(robot, "#rollout-view", "shop-api");
        Eventually.assertThat(() -> assertThat(console.informersInUse()).as("informers in use once left").isEqualTo(informers));
        assertCollected(left);
    }

    @Test
    void anArgoRolloutAndAFlaggerCanaryLeftForAnotherWorkloadAreGarbageCollected(FxRobot robot) {
        Journeys.showNamespace(robot, "shop-engines", LONG);
        List<WeakReference<Node>> left = new ArrayList<>();
        Journeys.select(robot, "checkout  [Rollout]", "#argo-rollout-view");
        left.add(new WeakReference<>(robot.lookup("#argo-rollout-view").query()));
        Journeys.select(robot, "search  [Canary]", "#flagger-canary-view");
        assertThat(robot.lookup("#argo-rollout-view").tryQuery()).isEmpty();
        left.add(new WeakReference<>(robot.lookup("#flagger-canary-view").query()));
        leaveFor(robot, "#flagger-canary-view", "checkout");
        assertCollected(left);
    }

    @Test
    void aCancelledWizardIsGarbageCollected(FxRobot robot) {
        Journeys.openWizard(robot, "shop-api");
        Journeys.next(robot);
        List<WeakReference<Node>> left = List.of(new WeakReference<>(robot.lookup("#wizard").query()));
        robot.clickOn("#wizard-cancel");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#wizard").tryQuery()).isEmpty());
        assertCollected(left);
    }

    @Test
    void aNamespaceLeftGivesBackItsInformers(FxRobot robot) {
        Journeys.select(robot, "shop-api", "#start-canary");
        int informers = console.informersInUse();
        Journeys.showNamespace(robot, "shop-engines", LONG);
        Journeys.select(robot, "checkout  [Rollout]", "#argo-rollout-view");
        Journeys.showNamespace(robot, "default", LONG);
        Journeys.select(robot, "shop-api", "#start-canary");
        Eventually.assertThat(() -> assertThat(console.informersInUse()).as("informers in use back in default")
                .isEqualTo(informers));
    }

    /** Selects {@code workload} in the list until {@code page} is gone from the window. */
    private static void leaveFor(FxRobot robot, String page, String workload) {
        Eventually.assertThat(LONG, () -> {
            if (robot.lookup(page).tryQuery().isPresent()) {
                robot.clickOn(workload);
                robot.sleep(1_000);
            }
            assertThat(robot.lookup(page).tryQuery()).isEmpty();
        });
    }

    private static void assertCollected(List<? extends WeakReference<?>> left) {
        Eventually.assertThat(Duration.ofSeconds(30), () -> {
            WaitForAsyncUtils.waitForFxEvents();
            // TestFX keeps every event the window has seen, with its target: not the console's doing.
            WaitForAsyncUtils.asyncFx(ClosedViewsAreCollectedTest::forgetFiredEvents);
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
            assertThat(left).as("views left behind").allMatch(view -> view.get() == null);
        });
    }

    private static void forgetFiredEvents() {
        try {
            Field kept = FxToolkitContext.class.getDeclaredField("firedEvents");
            kept.setAccessible(true);
            ((FiredEvents) kept.get(FxToolkit.toolkitContext())).clearEvents();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX keeps its fired events elsewhere now", e);
        }
    }
}
