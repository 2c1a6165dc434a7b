package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.testing.AgentClient;
import dev.coalmine.testing.Deployments;
import dev.coalmine.testing.Eventually;
import dev.coalmine.ui.ClippedText;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The releases overview, one click from the connection bar: releases in two namespaces with phase, canary size,
 * latest verdict, Lease holder and age, updated live, from one LIST and one WATCH of the release states (and of the
 * Leases) across all namespaces; a row opens its release.
 */
class ReleasesOverviewJourneyTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String PIPELINE = "pipeline-under-test";
    private final List<ReleaseSession> driving = new ArrayList<>();

    @Test
    void releasesInTwoNamespacesShowLiveFromOneListAndWatch(FxRobot robot) {
        KubernetesClient pipelineClient = AgentClient.of(console.cluster().clientConfig(), PIPELINE);
        try (pipelineClient) {
            ReleaseService pipeline = new ReleaseService(pipelineClient, ReleaseSettings.defaults("ci-bot@pipeline"));
            pipelineClient.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("payments")
                    .endMetadata().build()).create();
            pipelineClient.apps().deployments().inNamespace("payments")
                    .resource(Deployments.of("payments", "ledger", 3, "registry.example.com/payments/ledger:5.0")).create();
            awaitAvailable(pipelineClient, "default", "shop-api", 2);
            awaitAvailable(pipelineClient, "payments", "ledger", 3);
            start(pipeline, "default", "shop-api", "api=registry.example.com/shop/api:2.8.0", CanarySize.count(1));

            Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#releases-overview-button").queryButton()
                    .isDisabled()).isFalse());
            robot.clickOn("#releases-overview-button");
            // A release waiting for a person needs no driver, so nobody holds its Lease meanwhile.
            Eventually.assertThat(LONG, () -> assertThat(rows(robot))
                    .containsExactly("default / shop-api | Awaiting decision | 1 pod | manual | AGE | nobody"));
            assertThat(robot.lookup("#overview-scope").queryAs(Label.class).getText()).isEqualTo("in all namespaces");

            start(pipeline, "payments", "ledger", "app=registry.example.com/payments/ledger:5.1", CanarySize.percent(34));
            Eventually.assertThat(LONG, () -> assertThat(rows(robot)).as("a release started elsewhere appears").hasSize(2)
                    .anyMatch(r -> r.startsWith("payments / ledger | ")));
            Eventually.assertThat(LONG, () -> assertThat(rows(robot)).as("and advances live").containsExactly(
                    "default / shop-api | Awaiting decision | 1 pod | manual | AGE | nobody",
                    "payments / ledger | Awaiting decision | 34% \u00b7 1 pod | manual | AGE | nobody"));

            assertEveryCutCellHasATooltipAndColumnsResize(robot);

            pipeline.promote("default", "shop-api", "alice");
            Eventually.assertThat(LONG, () -> assertThat(rows(robot)).as("a release that ends leaves the overview")
                    .containsExactly("payments / ledger | Awaiting decision | 34% \u00b7 1 pod | manual | AGE"
                            + " | nobody"));

            assertOneListAndOneWatchAcrossNamespaces(console.cluster().requests().recent());

            TableView<?> table = robot.lookup("#overview-table").queryAs(TableView.class);
            robot.interact(() -> table.getSelectionModel().select(0)); // the one row left: payments / ledger
            robot.clickOn("#overview-open");
            Eventually.assertThat(LONG, () -> {
                assertThat(robot.lookup("#rollout-view").tryQuery()).as("the release opens").isPresent();
                assertThat(robot.lookup("#pages-workload").queryAs(Label.class).getText()).isEqualTo("payments / ledger");
            });
        } finally {
            driving.forEach(ReleaseSession::close);
        }
    }

    /**
     * The console asked for the release states and Coalmine's Leases of every namespace (by their labels) once each,
     * and for no namespace's. (The demo's simulated controllers, with the same User-Agent as the console, read
     * ConfigMaps across namespaces too, but not by these labels; the pipeline's own reads are told apart by its.)
     */
    private static void assertOneListAndOneWatchAcrossNamespaces(List<RequestCounter.Request> requests) {
        List<RequestCounter.Request> console = requests.stream().filter(r -> !r.userAgent().equals(PIPELINE)
                && r.method().equals("GET")).toList();
        Map<String, String> selectors = Map.of("/api/v1/configmaps", "coalmine.dev%2Fstate-of",
                "/apis/coordination.k8s.io/v1/leases", "app.kubernetes.io%2Fmanaged-by%3Dcoalmine");
        selectors.forEach((path, selector) -> {
            List<RequestCounter.Request> reads = console.stream()
                    .filter(r -> r.path().equals(path) && r.uri().contains("labelSelector=" + selector)).toList();
            assertThat(reads.stream().filter(r -> !r.isWatch()).count()).as("LISTs of %s: %s", path, reads).isOne();
            assertThat(reads.stream().filter(RequestCounter.Request::isWatch).count()).as("WATCHes of %s", path).isOne();
        });
        assertThat(console).as("no request per namespace").noneMatch(r -> r.path().contains("/namespaces/")
                && (r.uri().contains(selectors.get("/api/v1/configmaps"))
                || r.uri().contains(selectors.get("/apis/coordination.k8s.io/v1/leases"))));
    }

    /**
     * At 1280×800 beside the workload list nothing is cut without a tooltip; the operator can narrow a column (as
     * dragging its header's edge does), and a cell it cuts still carries its whole text.
     */
    @SuppressWarnings("unchecked")
    private static void assertEveryCutCellHasATooltipAndColumnsResize(FxRobot robot) {
        TableView<Object> table = robot.lookup("#overview-table").queryAs(TableView.class);
        Scene scene = table.getScene();
        assertThat(scene.getWidth()).isEqualTo(1280);
        assertThat(clippedIn(robot, scene)).isEmpty();
        assertThat(table.getColumns()).allMatch(TableColumn::isResizable);
        TableColumn<Object, ?> workload = table.getColumns().get(0);
        double wide = workload.getWidth();
        robot.interact(() -> table.resizeColumn(workload, workload.getMinWidth() - wide));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workload.getWidth()).isLessThan(wide - 40);
        Eventually.assertThat(() -> assertThat(robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class))
                .as("a narrowed column cuts its cells").anyMatch(ClippedText::isCut));
        assertThat(clippedIn(robot, scene)).as("and each cut cell has its whole text as tooltip").isEmpty();
        robot.interact(() -> table.resizeColumn(workload, wide - workload.getWidth()));
    }

    private static List<String> clippedIn(FxRobot robot, Scene scene) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> problems = new AtomicReference<>();
        robot.interact(() -> problems.set(ClippedText.in(scene)));
        return problems.get();
    }

    private void start(ReleaseService pipeline, String namespace, String name, String image, CanarySize size) {
        pipeline.start(ReleasePlan.ofImages(namespace, name, List.of(ImageChange.parse(image)), size, true), false);
        ReleaseSession session = pipeline.session(namespace, name);
        driving.add(session);
        session.driveInBackground(problem -> { });
    }

    private static void awaitAvailable(KubernetesClient client, String namespace, String name, int replicas) {
        Eventually.assertThat(LONG, () -> assertThat(client.apps().deployments().inNamespace(namespace).withName(name)
                .get().getStatus().getAvailableReplicas()).isEqualTo(replicas));
    }

    /** The rows as shown, cells joined by " | "; the age column, which must read "… ago", as AGE. */
    private static List<String> rows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#overview-table").queryAs(TableView.class);
        List<String> rows = new ArrayList<>();
        for (TableRow<?> row : robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class)) {
            if (row.isEmpty() || row.getItem() == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (TableCell<?, ?> cell : robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class)) {
                boolean age = "Age".equals(cell.getTableColumn().getText());
                assertThat(!age || cell.getText().endsWith("ago") || cell.getText().equals("just now"))
                        .as("age %s", cell.getText()).isTrue();
                cells.add(age ? "AGE" : cell.getText());
            }
            rows.add(row.getIndex() + ":" + String.join(" | ", cells));
        }
        return rows.stream().sorted().map(r -> r.substring(r.indexOf(':') + 1)).toList();
    }
}
