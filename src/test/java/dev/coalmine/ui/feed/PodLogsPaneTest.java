package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.LogLine;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
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

@ExtendWith(ApplicationExtension.class)
class PodLogsPaneTest {
    private final LiveList<LogLine> lines = LiveList.appending("logs-test", 20_000, new FxUiThread());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new PodLogsPane(lines), 1000, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        lines.close();
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
        assertThat(robot.lookup(".table-row-cell:server-error").queryAll()).isNotEmpty();

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
