package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.ClippedText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.testfx.util.NodeQueryUtils;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** At the default 1280×800 every labelled control of the main views reads whole (or, in a table, has a tooltip). */
class NothingClippedTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void mainWindowWizardPagesRolloutViewAndDemoPanelShowEveryLabelWhole(FxRobot robot) {
        Scene scene = robot.lookup("#main-window").query().getScene();
        assertThat(scene.getWidth()).isEqualTo(1280);
        assertThat(scene.getHeight()).isEqualTo(800);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#demo-panel").tryQuery()).isPresent());
        robot.interact(() -> robot.lookup("#demo-panel").queryAs(TitledPane.class).setExpanded(true));
        assertNothingClipped(robot, scene, "main window with the demo panel");
        assertWorkloadNamesWhole(robot);
        robot.interact(() -> robot.lookup("#demo-panel").queryAs(TitledPane.class).setExpanded(false));

        Journeys.openWizard(robot, "shop-frontend");
        assertNothingClipped(robot, scene, "wizard: workload");
        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0"));
        assertNothingClipped(robot, scene, "wizard: version");
        Journeys.next(robot);
        assertNothingClipped(robot, scene, "wizard: size");
        Journeys.next(robot);
        assertNothingClipped(robot, scene, "wizard: traffic");
        Journeys.next(robot);
        robot.clickOn("#judge-automatic");
        assertNothingClipped(robot, scene, "wizard: judge");
        robot.clickOn("#test-connection");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#test-connection-result").queryLabeled().getText())
                .startsWith("Connected"));
        assertNothingClipped(robot, scene, "wizard: judge, tested");
        Journeys.next(robot);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#wizard-start").queryButton().isDisabled()).isFalse());
        assertNothingClipped(robot, scene, "wizard: review");
        robot.clickOn("#wizard-start");

        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#rollout-tabs").tryQuery()).isPresent());
        TabPane tabs = robot.lookup("#rollout-tabs").queryAs(TabPane.class);
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#track-canary").queryLabeled().getText())
                .contains("ready"));
        // With the workload list beside the release, the cards are narrowest: the canary's image still shows its tag.
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#track-canary-images .track-image").queryLabeled()
                .getText()).endsWith("frontend:1.4.0"));
        assertNothingClipped(robot, scene, "rollout view beside the workload list");
        robot.clickOn("#toggle-workloads");
        for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
            int index = tab;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            assertNothingClipped(robot, scene, "rollout view, list hidden: " + tabs.getTabs().get(index).getText());
        }
        robot.clickOn("#toggle-workloads");
        assertThat(robot.lookup("#workload-table").tryQuery()).isPresent();
    }

    /**
     * The list at its default width gives the name column the room: the seeded names read whole (not only through a
     * tooltip), the longest seeded name would too, and the table does not scroll sideways.
     */
    private static void assertWorkloadNamesWhole(FxRobot robot) {
        TableView<?> table = robot.lookup("#workload-table").queryAs(TableView.class);
        Eventually.assertThat(LONG, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            List<Labeled> names = robot.lookup("#workload-table .table-cell").match(NodeQueryUtils.isVisible())
                    .queryAllAs(Labeled.class).stream()
                    .filter(c -> c instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                            && "workload-name".equals(cell.getTableColumn().getId()) && !cell.isEmpty())
                    .toList();
            assertThat(names).extracting(Labeled::getText).contains("shop-frontend", "shop-api");
            assertThat(names).allSatisfy(cell -> assertThat(ClippedText.isCut(cell)).as(cell.getText()).isFalse());
            Labeled cell = names.get(0);
            Text longest = new Text("storefront-search");
            longest.setFont(cell.getFont());
            TableColumn<?, ?> column = table.getColumns().get(0);
            assertThat(column.getWidth()).as("room for storefront-search")
                    .isGreaterThan(longest.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset());
            assertThat(robot.lookup("#workload-table .scroll-bar").queryAllAs(ScrollBar.class).stream()
                    .filter(bar -> bar.getOrientation() == Orientation.HORIZONTAL).filter(ScrollBar::isVisible))
                    .as("the table does not scroll sideways").isEmpty();
        });
    }

    private static void assertNothingClipped(FxRobot robot, Scene scene, String where) {
        Eventually.assertThat(Duration.ofSeconds(5), () -> {
            WaitForAsyncUtils.waitForFxEvents();
            AtomicReference<List<String>> problems = new AtomicReference<>();
            robot.interact(() -> problems.set(ClippedText.in(scene)));
            assertThat(problems.get()).as(where).isEmpty();
        });
    }
}
