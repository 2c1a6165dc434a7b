package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.testing.ColumnHeaders;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EventsPaneTest {
    private static final int EVENTS = 12_000;
    private final LiveList<EventRecord> events = LiveList.events("events-test", 50_000, new FxUiThread());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new EventsPane(events), 1000, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        events.close();
    }

    @Test
    void showsTheNewestPageNewestFirstAndReachesOlderEventsOnDemandOrByFilter(FxRobot robot) {
        for (int i = 0; i < EVENTS; i++) {
            events.sink().accept(event(i));
        }
        TableView<EventRecord> table = robot.lookup("#events-table").queryTableView();
        Eventually.assertThat(() -> assertThat(robot.lookup("#events-shown").queryAs(Label.class).getText())
                .isEqualTo("Newest 5,000 of 12,000"));
        assertThat(table.getItems()).hasSize(EventsPane.PAGE);
        assertThat(table.getItems().get(0).uid()).isEqualTo("uid-" + (EVENTS - 1));

        robot.clickOn("#events-show-older");
        Eventually.assertThat(() -> assertThat(table.getItems().get(table.getItems().size() - 1).uid())
                .isEqualTo("uid-" + (EVENTS - 2 * EventsPane.PAGE)));
        assertThat(table.getItems()).hasSize(2 * EventsPane.PAGE);

        robot.clickOn("#event-object-filter").write("web-00042");
        Eventually.assertThat(() -> assertThat(table.getItems()).extracting(EventRecord::uid).containsExactly("uid-42"));
        Eventually.assertThat(() -> assertThat(robot.lookup("#events-show-older").queryButton().isVisible()).isFalse());
    }

    @Test
    void warningsOnlyNarrowsTheTableAndSelectedRowsCopyAsText(FxRobot robot) {
        for (int i = 0; i < 30; i++) {
            events.sink().accept(event(i));
        }
        TableView<EventRecord> table = robot.lookup("#events-table").queryTableView();
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(30));
        robot.clickOn("#events-warnings-only");
        Eventually.assertThat(() -> assertThat(table.getItems()).extracting(EventRecord::uid)
                .containsExactly("uid-20", "uid-10", "uid-0"));

        robot.interact(() -> {
            table.getSelectionModel().selectRange(0, 2);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(EventsPane.asLine(table.getItems().get(0)) + "\n"
                + EventsPane.asLine(table.getItems().get(1)) + "\n");
        assertThat(copied.get()).contains("Warning\tPulled\tPod/web-00020\t1\tPulled image");
    }

    @Test
    void newestFirstTheTableKeepsShowingTheNewestEventAndComesBackToItWhenScrolledAway(FxRobot robot) {
        TableView<EventRecord> table = hundredEventsShown(robot);
        events.sink().accept(event(100));
        Eventually.assertThat(() -> assertThat(topRow(robot)).as("still at the top").isEqualTo("uid-100"));

        robot.interact(() -> table.scrollTo(60));
        Eventually.assertThat(() -> assertThat(topRow(robot)).isNotEqualTo("uid-100"));
        events.sink().accept(event(101));
        Eventually.assertThat(() -> assertThat(topRow(robot)).as("back to the newest").isEqualTo("uid-101"));
    }

    /** The table once it shows Events uid-0 to uid-99, the newest at the top. */
    private TableView<EventRecord> hundredEventsShown(FxRobot robot) {
        for (int i = 0; i < 100; i++) {
            events.sink().accept(event(i));
        }
        Eventually.assertThat(() -> assertThat(topRow(robot)).isEqualTo("uid-99"));
        return robot.lookup("#events-table").queryTableView();
    }

    /** The table's row showing Event {@code uid}, if one does. */
    private static java.util.Optional<javafx.scene.Node> row(FxRobot robot, String uid) {
        return robot.lookup("#events-table .table-row-cell").match(row -> row instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof EventRecord e && e.uid().equals(uid)).tryQuery();
    }

    /** The Event of the topmost row in the viewport. */
    private static String topRow(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup("#events-table .virtual-flow").query();
        IndexedCell<?> first = flow.getFirstVisibleCell();
        return first != null && first.getItem() instanceof EventRecord e ? e.uid() : null;
    }

    @Test
    void anotherColumnSortsTheRowsAsEventsArrive(FxRobot robot) {
        for (int i = 0; i < 30; i++) {
            events.sink().accept(event(i));
        }
        TableView<EventRecord> table = robot.lookup("#events-table").queryTableView();
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(30));
        TableColumn<EventRecord, ?> type = table.getColumns().get(1);
        robot.interact(() -> {
            type.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(type);
        });
        // Normal before Warning; within a type, in the order the Events were written.
        Eventually.assertThat(() -> assertThat(table.getItems()).extracting(EventRecord::uid)
                .startsWith("uid-1", "uid-2").endsWith("uid-0", "uid-10", "uid-20"));
        for (int i = 30; i < 35; i++) {
            events.sink().accept(event(i));
        }
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(35).extracting(EventRecord::uid)
                .endsWith("uid-20", "uid-30"));
    }

    @Test
    void clickingLastSeenAfterAnotherColumnSortsOldestFirstThenNewestFirstFollowingTheNewest(FxRobot robot) {
        TableView<EventRecord> table = hundredEventsShown(robot);
        robot.clickOn(ColumnHeaders.title(robot, "#events-table", "Type"));
        Eventually.assertThat(() -> assertThat(table.getItems().get(0).uid()).isEqualTo("uid-1"));

        robot.clickOn(ColumnHeaders.title(robot, "#events-table", "Last seen"));
        Eventually.assertThat(() -> assertThat(sortOrder(table)).containsExactly("Last seen ASCENDING"));
        Eventually.assertThat(() -> assertThat(table.getItems()).extracting(EventRecord::uid)
                .startsWith("uid-0", "uid-1").endsWith("uid-98", "uid-99"));
        Eventually.assertThat(() -> assertThat(bottomRow(robot)).as("oldest first follows the end").isEqualTo("uid-99"));
        events.sink().accept(event(100));
        Eventually.assertThat(() -> assertThat(bottomRow(robot)).isEqualTo("uid-100"));

        robot.sleep(1, TimeUnit.SECONDS); // a second click on the same header sooner would be a double click
        robot.clickOn(ColumnHeaders.title(robot, "#events-table", "Last seen"));
        Eventually.assertThat(() -> assertThat(sortOrder(table)).containsExactly("Last seen DESCENDING"));
        Eventually.assertThat(() -> assertThat(table.getItems().get(0).uid()).isEqualTo("uid-100"));
        Eventually.assertThat(() -> assertThat(topRow(robot)).as("newest first shows the top").isEqualTo("uid-100"));
        events.sink().accept(event(101));
        Eventually.assertThat(() -> assertThat(topRow(robot)).isEqualTo("uid-101"));
    }

    @Test
    void rowsSelectedToReadStaySelectedWhenTheSortChanges(FxRobot robot) {
        TableView<EventRecord> table = hundredEventsShown(robot);
        // The first page's rows can still be taking their Events when the top one shows uid-99.
        Eventually.assertThat(() -> assertThat(row(robot, "uid-95")).isPresent());
        robot.clickOn(row(robot, "uid-95").orElseThrow());
        Eventually.assertThat(() -> assertThat(table.getSelectionModel().getSelectedItem().uid()).isEqualTo("uid-95"));

        robot.clickOn(ColumnHeaders.title(robot, "#events-table", "Type"));
        Eventually.assertThat(() -> assertThat(sortOrder(table)).containsExactly("Type ASCENDING"));
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(EventRecord::uid).containsExactly("uid-95");
        events.sink().accept(event(100));
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(101));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(EventRecord::uid).containsExactly("uid-95");
    }

    @Test
    void hiddenAndShownAgainTheTableKeepsItsSortAndFollowsTheNewest(FxRobot robot) {
        TableView<EventRecord> table = hundredEventsShown(robot);
        EventsPane pane = robot.lookup("#events-pane").queryAs(EventsPane.class);
        robot.interact(() -> pane.shownProperty().set(false));
        assertThat(table.getItems()).isEmpty();
        events.sink().accept(event(100));
        robot.interact(() -> pane.shownProperty().set(true));

        assertThat(sortOrder(table)).containsExactly("Last seen DESCENDING");
        Eventually.assertThat(() -> assertThat(topRow(robot)).isEqualTo("uid-100"));
        events.sink().accept(event(101));
        Eventually.assertThat(() -> assertThat(topRow(robot)).as("still newest first").isEqualTo("uid-101"));
    }

    private static List<String> sortOrder(TableView<EventRecord> table) {
        return table.getSortOrder().stream().map(c -> c.getText() + " " + c.getSortType()).toList();
    }


    /** The Event of the lowest row wholly in the viewport. */
    private static String bottomRow(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup("#events-table .virtual-flow").query();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last != null && last.getItem() instanceof EventRecord e ? e.uid() : null;
    }

    private static EventRecord event(int n) {
        Instant now = Instant.now();
        return new EventRecord("uid-" + n, Integer.toString(n), n % 10 == 0 ? "Warning" : "Normal", "Pulled",
                new ObjectRef("Pod", String.format("web-%05d", n)), 1, "Pulled image", now, now, "kubelet");
    }
}
