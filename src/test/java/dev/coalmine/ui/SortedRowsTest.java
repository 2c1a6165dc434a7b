package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.ColumnHeaders;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SortedRowsTest {
    private record Row(String name, int restarts) {
    }

    private final ObservableList<Row> model = FXCollections.observableArrayList(
            new Row("web", 3), new Row("api", 10), new Row("db", 9));

    @Start
    void start(Stage stage) {
        TableView<Row> table = new TableView<>();
        table.setId("sorted");
        table.getColumns().add(Columns.text("Name", 120, Row::name));
        table.getColumns().add(Columns.of("Restarts", 120, Row::restarts, String::valueOf));
        SortedRows.show(table, model, Comparator.comparing(Row::name));
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    @Test
    void aClickedColumnKeepsTheRowsInItsOrderThroughEveryRefreshAndAThirdClickGivesTheirOwnOrderBack(FxRobot robot) {
        TableView<Row> table = robot.lookup("#sorted").queryTableView();
        assertThat(names(table)).as("the natural order").containsExactly("api", "db", "web");

        robot.clickOn(ColumnHeaders.title(robot, "#sorted", "Restarts"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(table)).as("by number, not by text").containsExactly("web", "db", "api");
        robot.interact(() -> model.setAll(new Row("db", 1), new Row("web", 3), new Row("cache", 12), new Row("api", 10)));
        assertThat(names(table)).as("a refresh keeps the sort").containsExactly("db", "web", "api", "cache");
        assertThat(table.getSortOrder()).hasSize(1);

        robot.sleep(1, TimeUnit.SECONDS); // a second click on the same header sooner would be a double click
        robot.clickOn(ColumnHeaders.title(robot, "#sorted", "Restarts"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(table)).containsExactly("cache", "api", "web", "db");

        robot.sleep(1, TimeUnit.SECONDS);
        robot.clickOn(ColumnHeaders.title(robot, "#sorted", "Restarts"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).isEmpty();
        assertThat(names(table)).containsExactly("api", "cache", "db", "web");
    }

    private static List<String> names(TableView<Row> table) {
        return table.getItems().stream().map(Row::name).toList();
    }

}
