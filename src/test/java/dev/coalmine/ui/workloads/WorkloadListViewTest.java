package dev.coalmine.ui.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.workload.WorkloadFeed;
import dev.coalmine.testing.CrudApiServer;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.ColumnHeaders;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.FxUiThread;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkloadListViewTest {
    private final CrudApiServer api = new CrudApiServer();
    private final ClusterCache cache = new ClusterCache(api.client());
    private final WorkloadListViewModel model = new WorkloadListViewModel(Runnable::run, new FxUiThread());

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new WorkloadListView(model), 700, 400));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.disconnect("done");
        api.close();
    }

    @Test
    void theReadyColumnSortsByTheShareOfReadyPodsAndKeepsTheOrderAsStatusesChange(FxRobot robot) {
        create("api", 4, 4);
        create("cart", 10, 3);
        create("web", 2, 1);
        model.show("namespace shop", listener -> WorkloadFeed.open(cache, "shop", listener));
        TableView<WorkloadSummary> table = robot.lookup("#workload-table").queryTableView();
        Eventually.assertThat(() -> assertThat(names(table)).containsExactly("api", "cart", "web"));

        robot.clickOn(ColumnHeaders.title(robot, "#workload-table", "Ready"));
        Eventually.assertThat(() -> assertThat(names(table)).as("least ready first").containsExactly("cart", "web", "api"));
        setReady("cart", 10);
        Eventually.assertThat(() -> assertThat(names(table)).as("re-sorted as it gets ready")
                .containsExactly("web", "api", "cart"));

        robot.sleep(1, TimeUnit.SECONDS); // a second click on the same header sooner would be a double click
        robot.clickOn(ColumnHeaders.title(robot, "#workload-table", "Ready"));
        Eventually.assertThat(() -> assertThat(names(table)).as("most ready, then most pods, first")
                .containsExactly("cart", "api", "web"));
        robot.sleep(1, TimeUnit.SECONDS);
        robot.clickOn(ColumnHeaders.title(robot, "#workload-table", "Ready"));
        Eventually.assertThat(() -> assertThat(names(table)).as("by name again").containsExactly("api", "cart", "web"));
        assertThat(table.getSortOrder()).isEmpty();
    }

    private void create(String name, int replicas, int ready) {
        Deployment d = Deployments.of("shop", name, replicas, "shop/" + name + ":1.0");
        api.client().resource(d).create();
        setReady(name, ready);
    }

    private void setReady(String name, int ready) {
        Deployment d = api.client().apps().deployments().inNamespace("shop").withName(name).get();
        d.setStatus(new DeploymentStatusBuilder().withReplicas(d.getSpec().getReplicas()).withReadyReplicas(ready)
                .withUpdatedReplicas(ready).withAvailableReplicas(ready).build());
        api.client().resource(d).updateStatus();
    }

    private static List<String> names(TableView<WorkloadSummary> table) {
        return table.getItems().stream().map(WorkloadSummary::name).toList();
    }

}
