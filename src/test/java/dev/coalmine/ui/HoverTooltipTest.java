package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table's cells make their tooltip when the pointer first rests on one, not for every cell of the page. */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipTest {
    private static final String LONG = "Back-off restarting failed container frontend in pod shop-frontend-canary-7d9f8c6b5";
    private final ObservableList<String> rows = FXCollections.observableArrayList();
    private Stage own;

    @Start
    void start(Stage primary) {
        own = new Stage();
        for (int i = 0; i < 20; i++) {
            rows.add(LONG + " #" + i);
        }
        TableView<String> table = new TableView<>(rows);
        table.getColumns().add(Columns.text("Message", 120, s -> s));
        own.setScene(new Scene(table, 300, 400));
        own.show();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.setupFixture(() -> own.close());
    }

    @Test
    void noCellHasATooltipUntilThePointerIsOverItThenItHoldsTheWholeText(FxRobot robot) throws Exception {
        List<TableCell<?, ?>> cells = WaitForAsyncUtils.asyncFx(() -> filledCells(robot)).get();
        assertThat(cells).hasSizeGreaterThan(5);
        assertThat(cells).allSatisfy(cell -> {
            assertThat(cell.getTooltip()).as("made before any hover").isNull();
            assertThat(HoverTooltip.textOf(cell)).as("but known").hasValue(cell.getText());
        });

        TableCell<?, ?> third = cells.get(2);
        robot.moveTo(third);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(third.getTooltip()).isNotNull();
        assertThat(third.getTooltip().getText()).isEqualTo(LONG + " #2");
        assertThat(cells).filteredOn(cell -> cell.getTooltip() != null).as("only those the pointer crossed")
                .contains(third).hasSizeLessThan(cells.size());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> third.getTooltip().isShowing());

        WaitForAsyncUtils.asyncFx(() -> rows.set(2, "Pulled")).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> underPointer = WaitForAsyncUtils.asyncFx(() -> filledCells(robot).get(2)).get();
        assertThat(underPointer.getText()).isEqualTo("Pulled");
        assertThat(HoverTooltip.textOf(underPointer)).as("follows the cell's new item").hasValue("Pulled");
        assertThat(underPointer.getTooltip()).as("the pointer is over it").isNotNull();
        WaitForAsyncUtils.asyncFx(() -> rows.set(2, "")).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> emptied = WaitForAsyncUtils.asyncFx(() -> cellAt(robot, 2)).get();
        assertThat(emptied.getTooltip()).as("nothing to show").isNull();
    }

    private static TableCell<?, ?> cellAt(FxRobot robot, int index) {
        return robot.lookup(".table-cell").queryAll().stream().<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getIndex() == index).findFirst().orElseThrow();
    }

    private static List<TableCell<?, ?>> filledCells(FxRobot robot) {
        return robot.lookup(".table-cell").queryAll().stream().<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getText() != null)
                .sorted(Comparator.comparingInt(cell -> cell.getIndex())).toList();
    }
}
