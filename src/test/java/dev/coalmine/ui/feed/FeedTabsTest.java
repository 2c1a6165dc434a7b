package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.LogLine;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Feeds in tabs as the rollout view holds them: a feed whose tab is not selected keeps no rows (JavaFX lays out a
 * hidden table at every change all the same), and shows everything, following the newest, once selected.
 */
@ExtendWith(ApplicationExtension.class)
class FeedTabsTest {
    private final LiveList<LogLine> lines = LiveList.appending("tabs-logs", 20_000, new FxUiThread());
    private final LiveList<EventRecord> events = LiveList.events("tabs-events", 1_000, new FxUiThread());
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        PodLogsPane podLogs = new PodLogsPane(lines);
        EventsPane eventsPane = new EventsPane(events);
        tabs = new TabPane(new Tab("Other", new Label("elsewhere")), FeedView.tab("Events", eventsPane),
                FeedView.tab("Pod logs", podLogs));
        stage.setScene(new Scene(tabs, 1000, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        lines.close();
        events.close();
    }

    @Test
    void aHiddenFeedLaysOutNoRowsAndFollowsTheNewestOnceShown(FxRobot robot) {
        for (int i = 0; i < 200; i++) {
            lines.sink().accept(new LogLine("web-" + i, "app", Instant.now(), "GET /cart 200"));
        }
        Eventually.assertThat(() -> {
            int[] held = new int[1];
            robot.interact(() -> held[0] = lines.items().size());
            assertThat(held[0]).isEqualTo(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#pod-logs-table").queryTableView();
        assertThat(rowsWithItems(robot, table)).as("rows the hidden table filled").isEmpty();
        assertThat(table.getItems()).isEmpty();

        robot.interact(() -> tabs.getSelectionModel().select(2));
        Eventually.assertThat(() -> {
            assertThat(table.getItems()).hasSize(200);
            assertThat(rowsWithItems(robot, table)).extracting(row -> ((LogLine) row.getItem()).pod())
                    .as("follows the newest line").contains("web-199");
        });
    }

    @Test
    void theSelectedRowsAreKeptWhileTheTabIsNotShown(FxRobot robot) {
        for (int i = 0; i < 20; i++) {
            Instant now = Instant.now();
            events.sink().accept(new EventRecord("uid-" + i, Integer.toString(i), "Normal", "Pulled",
                    new ObjectRef("Pod", "web-" + i), 1, "Pulled image", now, now, "kubelet"));
        }
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<EventRecord> table = robot.lookup("#events-table").queryTableView();
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(20));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().get(5)));
        EventRecord selected = table.getSelectionModel().getSelectedItem();

        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertThat(table.getItems()).isEmpty();
        robot.interact(() -> tabs.getSelectionModel().select(1));

        assertThat(table.getItems()).hasSize(20);
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly(selected);
    }

    private static List<TableRow<?>> rowsWithItems(FxRobot robot, TableView<?> table) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(table).lookup(".table-row-cell").<Node>queryAll().stream()
                .<TableRow<?>>map(n -> (TableRow<?>) n).filter(row -> row.getItem() != null).toList();
    }
}
