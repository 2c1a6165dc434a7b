package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.connect.KubeconfigClusterAccess;
import dev.coalmine.ui.wizard.JudgeStep;
import java.time.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A console that reaches `coalmine demo` through a kubeconfig context (not its built-in choice) finds the demo from
 * the cluster: the demo panel shows and the wizard's judge defaults to the demo's metrics, as on the built-in demo.
 */
@ExtendWith(ApplicationExtension.class)
class DemoThroughKubeconfigTest {
    private static final Duration LONG = Duration.ofSeconds(90);
    private ConsoleFixture console;

    @BeforeEach
    void openConsole() throws Exception {
        console = new ConsoleFixture();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                console.showThroughKubeconfigFile(stage);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // The primary stage is shared by every TestFX test in this JVM: give each console the default window size.
        FxToolkit.setupFixture(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    @AfterEach
    void closeConsole() throws Exception {
        FxToolkit.setupFixture(() -> FxToolkit.toolkitContext().getRegisteredStage().hide());
        console.close();
    }

    @Test
    void theDemoPanelAndTheDemosJudgeDefaultsAppear(FxRobot robot) {
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#demo-panel").tryQuery()).isPresent());
        ComboBox<?> cluster = robot.lookup("#cluster-choice").queryComboBox();
        assertThat(cluster.getValue()).isNotEqualTo(KubeconfigClusterAccess.DEMO_CHOICE);
        assertThat(cluster.getItems()).hasSizeGreaterThan(1);

        Journeys.openWizard(robot, "shop-frontend");
        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0"));
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        assertThat(robot.lookup("#metric-source").queryComboBox().getValue()).isEqualTo(JudgeStep.Source.DEMO);
        assertThat(robot.lookup("#interval").queryAs(TextField.class).getText()).isEqualTo("10s");
        robot.clickOn("#wizard-cancel");
    }
}
