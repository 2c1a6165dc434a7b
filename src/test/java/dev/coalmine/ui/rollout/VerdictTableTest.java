package dev.coalmine.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.Finding;
import dev.coalmine.core.judge.Verdict;
import dev.coalmine.testing.ColumnHeaders;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The verdict's rows in one look: every row shown without scrolling, outcomes coloured, hidden while there is none. */
@ExtendWith(ApplicationExtension.class)
class VerdictTableTest {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private VerdictTable table;

    @Start
    void start(Stage stage) {
        table = new VerdictTable(findings);
        stage.setScene(new Scene(new VBox(table), 720, 400));
        stage.show();
    }

    @Test
    void showsEveryRuleWithItsFiguresAndOutcome(FxRobot robot) {
        assertThat(table.isVisible()).as("no verdict yet").isFalse();

        robot.interact(() -> findings.setAll(
                new Finding("success rate ≥ 99 %", Finding.Window.LAST_INTERVAL, "98.96 %", "", "≥ 99.00 %",
                        Verdict.Outcome.FAIL, ""),
                new Finding("success rate vs baseline", Finding.Window.ANALYSIS, "99.93 %", "99.95 %", "≥ −1 %",
                        Verdict.Outcome.PASS, "−0 %, p = 0.412 (not significant)"),
                new Finding("restarts ≤ 0", Finding.Window.CANARY_LIFETIME, "0", "", "≤ 0", Verdict.Outcome.PASS, "")));

        assertThat(table.isVisible()).isTrue();
        assertThat(robot.lookup(".table-cell").queryAll()).extracting(n -> ((TableCell<?, ?>) n).getText())
                .contains("success rate ≥ 99 %", "last interval", "98.96 %", "≥ 99.00 %", "fail",
                        "analysis so far", "99.95 %", "canary lifetime");
        TableCell<?, ?> fail = robot.lookup(".table-cell").queryAll().stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> "fail".equals(c.getText())).findFirst().orElseThrow();
        assertThat(fail.getStyleClass()).contains("line-error");
        assertThat(table.getHeight()).as("tall enough for its three rows").isGreaterThanOrEqualTo(40 + 3 * 24);

        robot.clickOn(ColumnHeaders.title(robot, "#verdict-table", "Canary"));
        assertThat(table.getItems()).extracting(Finding::rule).as("worst first, whatever is clicked")
                .startsWith("success rate ≥ 99 %");
        assertThat(table.getSortOrder()).isEmpty();
    }
}
