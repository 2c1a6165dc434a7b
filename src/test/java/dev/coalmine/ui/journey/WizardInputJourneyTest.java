package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Journey 3: a wizard input error is shown next to the field, blocks Next, and clears once corrected. */
class WizardInputJourneyTest extends ConsoleJourney {

    @Test
    void anInvalidImageAndSizeAreExplainedAndCorrected(FxRobot robot) {
        Journeys.openWizard(robot, "shop-frontend");
        Journeys.next(robot);

        TextField image = Journeys.field(robot, "#image-frontend");
        type(robot, image, "registry.example.com/shop/Frontend:1.4.0");
        Eventually.assertThat(() -> assertThat(problem(robot, "#image-frontend-problem")).isEqualTo("Repository names must be lower case"));
        assertThat(robot.lookup("#image-frontend-problem").queryAs(Label.class).getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("note");
        assertThat(image.getPseudoClassStates()).extracting(Object::toString).contains("danger");
        Eventually.assertThat(() -> assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue());

        type(robot, image, "registry.example.com/shop/frontend:1.4.0");
        Eventually.assertThat(() -> assertThat(problem(robot, "#image-frontend-problem")).isEmpty());
        Eventually.assertThat(() -> assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isFalse());
        Journeys.next(robot);

        type(robot, robot.lookup("#size-amount").queryAs(TextField.class), "150");
        Eventually.assertThat(() -> assertThat(problem(robot, "#size-amount-problem")).contains("at most 100"));
        Eventually.assertThat(() -> assertThat(robot.lookup("#wizard-next").queryButton().isDisabled()).isTrue());
        type(robot, robot.lookup("#size-amount").queryAs(TextField.class), "50");
        Eventually.assertThat(() -> assertThat(problem(robot, "#size-amount-problem")).isEmpty());
        Eventually.assertThat(() -> assertThat(robot.lookup("#size-replicas").queryAs(Label.class).getText())
                .isEqualTo("Canary: 2 pod(s) \u00b7 Baseline: 2 pod(s) \u00b7 Stable keeps 4"));

        robot.clickOn("#wizard-back");
        Eventually.assertThat(() -> assertThat(robot.lookup("#image-frontend").queryAs(TextField.class).getText())
                .isEqualTo("registry.example.com/shop/frontend:1.4.0"));
    }

    @Test
    void anInitContainerIsOfferedBesideTheContainerAndReviewSaysItKeepsItsImageWhenLeftAlone(FxRobot robot) {
        console.client().apps().deployments().inNamespace("default").withName("shop-api").edit(d -> new DeploymentBuilder(d)
                .editSpec().editTemplate().editSpec().addNewInitContainer().withName("migrate")
                .withImage("registry.example.com/shop/api-migrate:2.7.0").endInitContainer().endSpec().endTemplate()
                .endSpec().build());
        Journeys.openWizard(robot, "shop-api");
        Eventually.assertThat(() -> assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Container migrate (init container)"));
        Journeys.next(robot);

        TextField migrate = Journeys.field(robot, "#image-migrate");
        assertThat(migrate.getText()).isEqualTo("registry.example.com/shop/api-migrate:2.7.0");
        Label unchanged = robot.lookup("#image-migrate-problem").queryAs(Label.class);
        assertThat(unchanged.getText()).isEqualTo("unchanged");
        assertThat(unchanged.getPseudoClassStates()).as("a note, not a problem").extracting(Object::toString).contains("note");
        assertThat(migrate.getPseudoClassStates()).extracting(Object::toString).doesNotContain("danger");
        assertThat(migrate.getWidth() - migrate.getPadding().getLeft() - migrate.getPadding().getRight()
                - textWidth(migrate)).as("the whole reference, its tag included, in sight").isPositive();
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("migrate (init container)");
        type(robot, Journeys.field(robot, "#image-api"), "registry.example.com/shop/api:2.8.0");
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);

        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(robot.lookup("#review-notes").queryAs(Label.class)
                .getText()).contains("Changes container(s) api; init container migrate keeps "
                        + "registry.example.com/shop/api-migrate:2.7.0"));
    }

    private static double textWidth(TextField field) {
        Text text = new Text(field.getText());
        text.setFont(field.getFont());
        return text.getLayoutBounds().getWidth();
    }

    /** Clears the field and types the text key by key, as the operator would. */
    private static void type(FxRobot robot, TextField field, String text) {
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static String problem(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
