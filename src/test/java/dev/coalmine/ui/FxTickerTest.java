package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A ticker runs its task on the FX thread while its node is in a scene, and makes JavaFX pulse no more for it. */
@ExtendWith(ApplicationExtension.class)
class FxTickerTest {
    private static final Duration PERIOD = Duration.ofMillis(100);
    private final StackPane root = new StackPane();
    private final AtomicInteger pulses = new AtomicInteger();
    private Stage own;

    @Start
    void start(Stage primary) {
        own = new Stage();
        Scene scene = new Scene(root, 200, 100);
        scene.addPreLayoutPulseListener(pulses::incrementAndGet);
        own.setScene(scene);
        own.show();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.setupFixture(() -> own.close());
    }

    @Test
    void ticksOnTheFxThreadWhileInASceneAndStopsWhenTakenOut() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger offFx = new AtomicInteger();
        Label label = new Label("2 min ago");
        WaitForAsyncUtils.asyncFx(() -> FxTicker.whileInScene(label, PERIOD, () -> {
            ticks.incrementAndGet();
            if (!Platform.isFxApplicationThread()) {
                offFx.incrementAndGet();
            }
        })).get();
        Thread.sleep(3 * PERIOD.toMillis());
        assertThat(ticks).as("not in a scene").hasValue(0);

        WaitForAsyncUtils.asyncFx(() -> root.getChildren().add(label)).get();
        Eventually.assertThat(Duration.ofSeconds(5), () -> assertThat(ticks.get()).isGreaterThanOrEqualTo(5));
        assertThat(offFx).hasValue(0);
        WaitForAsyncUtils.waitForFxEvents();
        pulses.set(0);
        Thread.sleep(1_000);
        assertThat(pulses.get()).as("pulses in a second of ticking (a Timeline makes it pulse ~60 times)")
                .isLessThan(20);

        WaitForAsyncUtils.asyncFx(() -> root.getChildren().remove(label)).get();
        WaitForAsyncUtils.waitForFxEvents();
        int stopped = ticks.get();
        Thread.sleep(3 * PERIOD.toMillis());
        assertThat(ticks).as("out of the scene").hasValue(stopped);
    }

    @Test
    void aTabsTickerRunsAtOnceWhenTheTabIsSelectedAndOnlyWhileItIs() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        Tab other = new Tab("Analysis", new Label("steps"));
        Tab metrics = new Tab("Metrics", new Label("charts"));
        TabPane tabs = new TabPane(other, metrics);
        WaitForAsyncUtils.asyncFx(() -> {
            FxTicker.whileSelected(metrics, PERIOD, ticks::incrementAndGet);
            root.getChildren().add(tabs);
        }).get();
        Thread.sleep(3 * PERIOD.toMillis());
        assertThat(ticks).as("in the scene, but another tab is selected").hasValue(0);

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(metrics)).get();
        assertThat(ticks).as("at once when selected").hasValue(1);
        Eventually.assertThat(Duration.ofSeconds(5), () -> assertThat(ticks.get()).isGreaterThanOrEqualTo(4));

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(other)).get();
        assertStopped(ticks);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(metrics)).get();
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().remove(tabs)).get();
        assertStopped(ticks);
    }

    private static void assertStopped(AtomicInteger ticks) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        int stopped = ticks.get();
        Thread.sleep(3 * PERIOD.toMillis());
        assertThat(ticks).as("no longer in view").hasValue(stopped);
    }
}
