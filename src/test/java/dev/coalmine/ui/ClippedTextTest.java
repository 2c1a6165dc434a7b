package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The clipping check finds what it must: it is what the 1280×800 layout test relies on. */
@ExtendWith(ApplicationExtension.class)
class ClippedTextTest {
    private static final String LONG = "registry.example.com/shop/frontend:1.4.0-with-a-long-tag";
    private HBox row;
    private TableView<String> table;
    private Scene scene;
    private Stage own;

    @org.junit.jupiter.api.AfterEach
    void closeWindow() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> own.close());
    }

    @Start
    void start(Stage primary) {
        // Its own small window: the primary stage is shared with the console tests and keeps its 1280×800.
        Stage stage = new Stage();
        own = stage;
        row = new HBox(8);
        table = new TableView<>(FXCollections.observableArrayList(LONG));
        Button button = new Button("Test connection");
        button.setId("squeezed");
        Label wide = new Label(LONG);
        row.getChildren().addAll(button, wide);
        TableColumn<String, String> plain = new TableColumn<>("Image");
        plain.setPrefWidth(90);
        plain.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue()));
        TableColumn<String, String> withTooltip = Columns.text("Images with tooltip", 90, s -> s);
        table.getColumns().addAll(List.of(plain, withTooltip));
        scene = new Scene(new VBox(row, table), 420, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void findsACutButtonAndACutCellWithoutTooltipButNotACutCellWithOne(FxRobot robot) {
        List<String> problems = problems(robot);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("#squeezed \"Test connection\" is cut to"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"" + LONG + "\" is cut to").contains("no tooltip"));
        assertThat(problems).filteredOn(p -> p.contains("no tooltip")).hasSize(1);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"Images with tooltip\" is cut to"));

        robot.interact(() -> {
            row.getChildren().get(0).setStyle("-fx-min-width: 200;");
            ((Label) row.getChildren().get(1)).setText("short");
            table.getColumns().forEach(c -> c.setPrefWidth(400));
            table.getColumns().remove(0);
            Columns.fitHeaders(table);
            table.getColumns().get(0).setPrefWidth(60);
        });
        assertThat(problems(robot)).isEmpty();
    }

    private List<String> problems(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> found = new AtomicReference<>();
        robot.interact(() -> found.set(ClippedText.in(scene)));
        return found.get();
    }
}
