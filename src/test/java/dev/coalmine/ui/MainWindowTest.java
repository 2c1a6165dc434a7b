package dev.coalmine.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.addon.ClusterExtras;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.connect.ClusterAccess;
import dev.coalmine.ui.connect.ConnectedCluster;
import dev.coalmine.ui.connect.ConnectionViewModel;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
class MainWindowTest {
    private final CrudApiServer api = new CrudApiServer();
    private final ExecutorService background = Executors.newCachedThreadPool();

    @Start
    void start(Stage stage) {
        for (String ns : List.of("default", "shop")) {
            api.client().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        api.client().resource(Deployments.of("default", "hello", 1, "hello:1")).create();
        WorkloadListViewModel workloads = new WorkloadListViewModel(background, new FxUiThread());
        ConnectionViewModel connection = new ConnectionViewModel(new TestAccess(), background, new FxUiThread(), workloads);
        new MainWindow(stage, connection, workloads, new Theme(false), background).show();
        connection.start();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        api.close();
    }

    @Test
    void showsTheNamespacesDeploymentsAndFollowsTheApi(FxRobot robot) {
        // The window adds its workload table after the first frame.
        Eventually.assertThat(() -> assertThat(robot.lookup("#workload-table").tryQuery()).isPresent());
        TableView<WorkloadSummary> table = robot.lookup("#workload-table").queryTableView();
        Eventually.assertThat(() -> assertThat(names(table)).containsExactly("hello"));
        // The status bar, which shows the connection's status, follows the table one FX event later.
        Eventually.assertThat(() -> assertThat(robot.lookup("#connection-status").tryQueryAs(Label.class))
                .hasValueSatisfying(status -> assertThat(status.getText()).contains("v1.32.0")));

        // Select the whole name first: where the click puts the caret depends on the field's width.
        robot.clickOn("#namespace-choice").push(KeyCode.CONTROL, KeyCode.A).write("shop").type(KeyCode.ENTER);
        Eventually.assertThat(() -> assertThat(table.getPlaceholder()).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("No Deployments in namespace shop")));
        assertThat(names(table)).isEmpty();

        api.client().resource(Deployments.of("shop", "frontend", 4, "shop/frontend:1.3.0")).create();
        Eventually.assertThat(() -> assertThat(names(table)).containsExactly("frontend"));

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("frontend");
        Eventually.assertThat(() -> assertThat(robot.lookup("#workload-details").tryQuery()).isPresent());
        assertThat(robot.lookup("app: shop/frontend:1.3.0").tryQuery()).isPresent();
    }

    private static List<String> names(TableView<WorkloadSummary> table) {
        return List.copyOf(table.getItems()).stream().map(WorkloadSummary::name).toList();
    }

    private final class TestAccess implements ClusterAccess {
        @Override
        public List<String> choices() {
            return List.of("test-cluster");
        }

        @Override
        public Optional<String> initialChoice() {
            return Optional.of("test-cluster");
        }

        @Override
        public String sourceDescription() {
            return "test";
        }

        @Override
        public ConnectedCluster connect(String choice) {
            if (!choice.equals("test-cluster")) {
                throw new CoalmineException("no such cluster " + choice);
            }
            List<String> names = api.client().namespaces().list().getItems().stream()
                    .map(n -> n.getMetadata().getName()).toList();
            return new ConnectedCluster(choice, "default", "v1.32.0", "tester", "http://127.0.0.1", names, true,
                    api.client(), () -> { }, ClusterExtras.none());
        }
    }
}
