package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.LogLine;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PodLogsPaneTest {
    private static final int CAP = 300;
    private final LiveList<LogLine> lines = LiveList.appending("logs-test", 20_000, new FxUiThread());
    private final LiveList<LogLine> capped = LiveList.appending("logs-capped", CAP, new FxUiThread());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new PodLogsPane(lines), 1000, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        lines.close();
        capped.close();
    }

    @Test
    void atItsCapTheViewKeepsShowingNewLinesAndDropsTheOldest(FxRobot robot) {
        robot.interact(() -> stage.setScene(new Scene(new PodLogsPane(capped), 1000, 500)));
        TableView<LogLine> table = robot.lookup("#pod-logs-table").queryTableView();
        int sent = 0;
        for (int round = 1; round <= 4; round++) {
            for (int end = sent + 150; sent < end; sent++) {
                capped.sink().accept(access(sent, 200));
            }
            String newest = "shop-frontend-canary-6f7c-" + (sent - 1);
            int first = Math.max(0, sent - CAP);
            int shown = Math.min(sent, CAP);
            Eventually.assertThat(() -> {
                assertThat(table.getItems()).hasSize(shown);
                assertThat(table.getItems().get(0).pod()).isEqualTo("shop-frontend-canary-6f7c-" + first);
                assertThat(table.getItems().get(table.getItems().size() - 1).pod()).isEqualTo(newest);
                assertThat(newestRowShown(robot, table)).as("follows the newest line").isTrue();
            });
        }
    }

    /** Whether the row of the newest line is on screen (at least its upper half). */
    private static boolean newestRowShown(FxRobot robot, TableView<LogLine> table) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicBoolean shown = new AtomicBoolean();
        robot.interact(() -> {
            Bounds view = table.lookup(".clipped-container").localToScene(
                    table.lookup(".clipped-container").getLayoutBounds());
            int newest = table.getItems().size() - 1;
            shown.set(robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                    .filter(row -> row.isVisible() && row.getIndex() == newest)
                    .map(row -> row.localToScene(row.getLayoutBounds()))
                    .anyMatch(row -> row.getMinY() >= view.getMinY() - 1
                            && row.getMinY() + row.getHeight() / 2 <= view.getMaxY()));
        });
        return shown.get();
    }

    @Test
    void showsEachLinesStatusSearchesPausesFollowsAndCopies(FxRobot robot) {
        for (int i = 0; i < 100; i++) {
            lines.sink().accept(access(i, i % 10 == 0 ? 500 : 200));
        }
        TableView<LogLine> table = robot.lookup("#pod-logs-table").queryTableView();
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(100));
        @SuppressWarnings("unchecked")
        TableColumn<LogLine, String> status = (TableColumn<LogLine, String>) table.getColumns().get(2);
        assertThat(status.getText()).isEqualTo("Status");
        assertThat(status.getCellData(table.getItems().get(10))).isEqualTo("500");
        assertThat(status.getCellData(table.getItems().get(11))).isEqualTo("200");
        // The rows get their lines, and their styles, in the pulse after the items change.
        Eventually.assertThat(() -> assertThat(robot.lookup(".table-row-cell:server-error").queryAll()).isNotEmpty());

        robot.clickOn("#pod-logs-filter").write("canary 500");
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(10)
                .allSatisfy(l -> assertThat(l.text()).contains("\" 500 ")));

        robot.clickOn("#pod-logs-pause");
        lines.sink().accept(access(100, 500));
        Eventually.assertThat(() -> assertThat(robot.lookup("#pod-logs-behind").queryLabeled().getText())
                .isEqualTo("paused, 1 new lines"));
        assertThat(table.getItems()).hasSize(10);
        robot.clickOn("#pod-logs-pause");
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(11));
        assertThat(robot.lookup("#pod-logs-pause").queryLabeled().getText()).isEqualTo("Pause");

        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(table.getItems().get(0).prefixed() + "\n");
    }

    private static LogLine access(int n, int status) {
        return new LogLine("shop-frontend-canary-6f7c-" + n, "app", Instant.now(), String.format(Locale.ROOT,
                "10.244.0.7 - - [06/Dec/2026:10:00:%02d +0000] \"GET /api/cart HTTP/1.1\" %d %d 0.042", n % 60, status,
                status == 200 ? 512 : 0));
    }
}
