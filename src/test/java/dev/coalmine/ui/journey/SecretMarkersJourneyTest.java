package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.App;
import dev.coalmine.cli.Cli;
import dev.coalmine.testing.DemoManifests;
import dev.coalmine.testing.Eventually;
import dev.coalmine.testing.ReliabilityFigures;
import dev.coalmine.testing.SecretMarkers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.util.NodeQueryUtils;

/**
 * A console connected through a kubeconfig holding a marked bearer token and client key opens a release whose
 * manifest carries a marked Secret, shows its tabs, promotes it and shows its history: no screen shows a marker, nor
 * does any object in the cluster afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class SecretMarkersJourneyTest {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String APP = "shop-frontend";

    @TempDir
    Path dir;

    private ConsoleFixture console;
    private SecretMarkers markers;
    private final Map<String, Integer> screens = new LinkedHashMap<>();

    @BeforeEach
    void openConsole() throws Exception {
        WaitForAsyncUtils.autoCheckException = false;
        WaitForAsyncUtils.clearExceptions();
        console = new ConsoleFixture();
        markers = SecretMarkers.create(dir, console.cluster());
        String kubeconfig = markers.kubeconfig("default");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                console.showWithKubeconfig(stage, kubeconfig);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        FxToolkit.setupFixture(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Files.writeString(dir.resolve("kubeconfig"), kubeconfig);
    }

    @AfterEach
    void closeConsole() throws Exception {
        FxToolkit.setupFixture(() -> FxToolkit.toolkitContext().getRegisteredStage().hide());
        console.close();
    }

    @Test
    void noScreenOfAReleaseWithPlantedSecretsShowsOne(FxRobot robot) throws IOException {
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup(APP).tryQuery()).isPresent());
        scanScreen("workload list");
        Eventually.assertThat(LONG, () -> assertThat(console.client().apps().deployments().inNamespace("default")
                .withName(APP).get().getStatus().getAvailableReplicas()).isEqualTo(4));
        startManifestRelease();

        Journeys.select(robot, APP, "#rollout-headline");
        Journeys.awaitHeadline(robot, "waiting for your decision", LONG);
        scanEachTab(robot, "Events", "rollout view");

        Eventually.assertThat(() -> assertThat(robot.lookup("#promote").queryButton().isDisabled()).isFalse());
        robot.clickOn("#promote");
        Eventually.assertThat(() -> assertThat(robot.lookup(".dialog-pane").match(NodeQueryUtils.isVisible())
                .tryQuery()).isPresent());
        scanScreen("promote confirmation");
        robot.clickOn("OK");
        Journeys.awaitHeadline(robot, "Succeeded", LONG);
        scanScreen("rollout view: Succeeded");

        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#pages-history").match(NodeQueryUtils.isVisible())
                .tryQuery()).isPresent());
        robot.clickOn("#pages-history");
        Eventually.assertThat(LONG, () -> assertThat(robot.lookup("#record-headline").tryQueryAs(Label.class)
                .map(Label::getText).orElse("")).startsWith("Release 1 \u00b7 Promoted"));
        List<String> record = scanEachTab(robot, "Plan", "release record");
        assertThat(String.join("\n", record)).as("the plan shows the Secret by its keys")
                .contains("name: \"shop-frontend-db\"", "coalmine.dev/secret-keys: \"DB_PASSWORD\"");

        Map<String, Integer> objects = markers.scanCluster(console.client());
        assertThat(markers.hits()).isEmpty();
        ReliabilityFigures.record("secret-scan-console", figure(objects));
    }

    /** As a pipeline would: {@code coalmine canary start -f} with the planted kubeconfig, leaving the driving to others. */
    private void startManifestRelease() throws IOException {
        Path manifest = Files.writeString(dir.resolve("frontend.yaml"), markers.manifestSecret("shop-frontend-db",
                "DB_PASSWORD") + "---\n" + DemoManifests.frontend("registry.example.com/shop/frontend:1.4.0",
                "shop-frontend-db"));
        StringWriter err = new StringWriter();
        Cli cli = App.cli(target -> { });
        cli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.run("--kubeconfig", dir.resolve("kubeconfig").toString(), "canary", "start", APP, "-f",
                manifest.toString(), "--count", "1", "--no-wait");
        assertThat(code).as(err::toString).isZero();
    }

    /** Brings each tab of the tab pane that has a tab {@code named} to the front and scans; returns all text seen. */
    private List<String> scanEachTab(FxRobot robot, String named, String view) {
        TabPane tabs = robot.lookup(".tab-pane").match(node -> node instanceof TabPane pane && pane.getTabs().stream()
                .anyMatch(tab -> named.equals(tab.getText()))).queryAs(TabPane.class);
        List<String> seen = new ArrayList<>();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            seen.addAll(scanScreen(view + ": " + tab.getText()));
        }
        return seen;
    }

    /** Scans the text of every node now shown; returns it. */
    private List<String> scanScreen(String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = ScreenText.now();
        screens.put(screen, texts.size());
        markers.scan("the screen " + screen, String.join("\n", texts));
        return texts;
    }

    private String figure(Map<String, Integer> objects) {
        String shown = screens.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        String cluster = objects.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return """
                | where | scanned | marker hits |
                |---|---|---|
                | text of every node of every open window, at each screen of the journey | %d screens, %d texts | 0 |
                | the cluster's objects afterwards | %s | 0 |

                Screens and their texts: %s. The console connected with the marked kubeconfig (token and client key)
                and drove a release whose manifest holds a marked Secret, from start to Succeeded.""".formatted(
                screens.size(), screens.values().stream().mapToInt(Integer::intValue).sum(), cluster, shown);
    }
}
