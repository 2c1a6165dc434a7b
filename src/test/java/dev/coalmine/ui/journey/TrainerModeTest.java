package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.traffic.KnobSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.PresentationMode;
import dev.coalmine.ui.demo.ScriptPlayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** A trainer loads a scenario script, sees its timeline and replays it; the demo's knobs follow. Then presents. */
class TrainerModeTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void aLoadedScriptTurnsTheKnobsOnTimeAndPresentationModeEnlargesTheText(FxRobot robot) throws Exception {
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#demo-panel").tryQuery()).isPresent());
        Eventually.assertThat(LONG, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("shop-frontend");
            assertThat(robot.lookup("#start-canary").tryQuery()).isPresent();
        });
        console.client().resource(Deployments.of("default", "shop-frontend-canary", 1,
                "registry.example.com/shop/frontend:1.4.0")).create();
        robot.interact(() -> robot.lookup("#demo-panel").queryAs(TitledPane.class).setExpanded(true));
        Path script = Files.createTempFile("training", ".yaml");
        Files.writeString(script, """
                - at: 0s
                  rate: 120
                - at: 2s
                  canary: faulty
                  note: the canary starts failing
                """);

        robot.interact(() -> robot.lookup("#demo-script-path").queryAs(TextField.class).setText(script.toString()));
        // The panel's content shows once its expansion has played: until then the button may lie outside the window.
        Eventually.assertThat(() -> assertThat(robot.lookup("#demo-script-load").match(NodeQueryUtils.isVisible())
                .tryQuery()).isPresent());
        robot.clickOn("#demo-script-load");
        @SuppressWarnings("unchecked")
        ListView<ScriptPlayer.Entry> timeline = robot.lookup("#demo-script-timeline").queryAs(ListView.class);
        Eventually.assertThat(() -> assertThat(timeline.getItems()).extracting(ScriptPlayer.Entry::text)
                .containsExactly("\u25CB 0:00  rate: 120 req/s", "\u25CB 0:02  canary: faulty \u2014 the canary starts failing"));

        robot.clickOn("#demo-script-start");
        TrafficKnobs knobs = new TrafficKnobs(console.client());
        Eventually.assertThat(() -> assertThat(knobs.read().requestsPerSecond()).isEqualTo(120));
        Eventually.assertThat(() -> assertThat(knobs.read().images().get("1.4.0"))
                .isEqualTo(new KnobSettings.ImageOverride(java.util.OptionalDouble.of(0.10), java.util.Optional.empty())));
        Eventually.assertThat(() -> assertThat(timeline.getItems()).extracting(ScriptPlayer.Entry::text)
                .allSatisfy(text -> assertThat(text).startsWith("\u2714")));
        Eventually.assertThat(() -> assertThat(robot.lookup("#demo-script-status").queryAs(Label.class).getText())
                .isEqualTo("Replay finished after 2s \u2014 the canary starts failing"));

        Label status = robot.lookup("#demo-status").queryAs(Label.class);
        double normal = status.getFont().getSize();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#main-window").query().getStyleClass()).contains(PresentationMode.STYLE_CLASS);
        Eventually.assertThat(() -> assertThat(status.getFont().getSize()).isGreaterThanOrEqualTo(normal * 1.25));
    }
}
