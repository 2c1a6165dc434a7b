package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.TextContrast;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every text the console draws (placeholders included) reads at WCAG contrast, in the light and the dark theme. */
class ThemeContrastTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void mainWindowAndJudgeStepReadInBothThemes(FxRobot robot) {
        Scene scene = robot.lookup("#main-window").query().getScene();
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#demo-panel").tryQuery()).isPresent());
        robot.interact(() -> robot.lookup("#demo-panel").queryAs(TitledPane.class).setExpanded(true));
        Journeys.openWizard(robot, "shop-frontend");
        for (String theme : List.of("light", "dark")) {
            assertReadable(robot, scene, theme + ": main window, wizard");
            Journeys.next(robot);
            TextField image = Journeys.field(robot, "#image-frontend");
            robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0"));
            Journeys.next(robot);
            Journeys.next(robot);
            Journeys.next(robot);
            robot.clickOn("#judge-automatic");
            assertReadable(robot, scene, theme + ": judge step");
            for (int i = 0; i < 4; i++) {
                robot.clickOn("#wizard-back");
            }
            robot.clickOn("#theme-toggle");
        }
        robot.clickOn("#wizard-cancel");
    }

    private static void assertReadable(FxRobot robot, Scene scene, String where) {
        Eventually.assertThat(Duration.ofSeconds(5), () -> {
            WaitForAsyncUtils.waitForFxEvents();
            AtomicReference<List<String>> problems = new AtomicReference<>();
            robot.interact(() -> problems.set(TextContrast.problems(scene)));
            assertThat(problems.get()).as(where).isEmpty();
        });
    }
}
