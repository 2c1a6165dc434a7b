package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.ObjectRef;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import dev.coalmine.ui.Theme;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's table rows in its theme: one fill each (the theme's two fills with insets were painted from a cached
 * image, slowly on the software renderer) and the theme's row line as a bottom border, while selected and warning
 * rows keep their own colours and empty rows show nothing.
 */
@ExtendWith(ApplicationExtension.class)
class TableRowStyleTest {
    private final LiveList<EventRecord> events = LiveList.events("row-style-test", 100, new FxUiThread());

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new EventsPane(events), 1000, 500);
        new Theme(false).apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        events.close();
    }

    @Test
    void rowsHaveOneFillAndALineWhileSelectionAndWarningsKeepTheirColours(FxRobot robot) {
        events.sink().accept(event("warned", "Warning"));
        events.sink().accept(event("second", "Normal"));
        events.sink().accept(event("first", "Normal"));
        TableView<EventRecord> table = robot.lookup("#events-table").queryTableView();
        Eventually.assertThat(() -> assertThat(table.getItems()).hasSize(3));
        robot.interact(() -> {
            table.getSelectionModel().select(1);
            table.requestFocus();
        });
        robot.interact(() -> {
            table.applyCss();
            table.layout();
        });

        TableRow<?> plain = row(robot, "first");
        TableRow<?> selected = row(robot, "second");
        TableRow<?> warning = row(robot, "warned");
        assertThat(fill(selected)).as("selected").isNotEqualTo(fill(plain));
        assertThat(fill(warning)).as("warning").isNotEqualTo(fill(plain)).isNotEqualTo(fill(selected));
        for (TableRow<?> filled : List.of(plain, selected, warning)) {
            assertThat(filled.getBackground().getFills()).as("one fill, no insets").singleElement()
                    .satisfies(f -> assertThat(f.getInsets().getBottom()).isZero());
            assertThat(bottomLine(filled)).as("the row line").isNotEqualTo(Color.TRANSPARENT);
        }

        TableRow<?> empty = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(TableRow::isEmpty).findFirst().orElseThrow();
        assertThat(empty.getBackground() == null ? List.<BackgroundFill>of() : empty.getBackground().getFills())
                .allSatisfy(f -> assertThat(f.getFill()).isEqualTo(Color.TRANSPARENT));
        assertThat(bottomLine(empty)).as("no line under an empty row").isEqualTo(Color.TRANSPARENT);
    }

    private static TableRow<?> row(FxRobot robot, String uid) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof EventRecord e && e.uid().equals(uid)).findFirst().orElseThrow();
    }

    private static Paint fill(TableRow<?> row) {
        List<BackgroundFill> fills = row.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill(); // the one on top
    }

    private static Paint bottomLine(TableRow<?> row) {
        if (row.getBorder() == null || row.getBorder().getStrokes().isEmpty()) {
            return Color.TRANSPARENT;
        }
        BorderStroke stroke = row.getBorder().getStrokes().get(0);
        return stroke.getWidths().getBottom() > 0 ? stroke.getBottomStroke() : Color.TRANSPARENT;
    }

    private static EventRecord event(String uid, String type) {
        Instant now = Instant.now();
        return new EventRecord(uid, uid, type, "Pulled", new ObjectRef("Pod", "web-" + uid), 1, "Pulled image", now,
                now, "kubelet");
    }
}
