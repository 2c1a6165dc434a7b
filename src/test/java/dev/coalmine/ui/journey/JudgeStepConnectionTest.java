package dev.coalmine.ui.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.metrics.PrometheusProcess;
import dev.coalmine.metrics.QueryPreset;
import dev.coalmine.testing.Eventually;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * "Test connection" says what the judge would see: the demo's own metrics, a real Prometheus on loopback scraping
 * the demo, and advice in the console's words for a Prometheus that is not there.
 */
class JudgeStepConnectionTest extends ConsoleJourney {
    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void demoMetricsRealPrometheusAndABadUrl(FxRobot robot) throws Exception {
        Journeys.openWizard(robot, "shop-frontend");
        Journeys.next(robot);
        TextField image = Journeys.field(robot, "#image-frontend");
        robot.interact(() -> image.setText("registry.example.com/shop/frontend:1.4.0"));
        Journeys.next(robot);
        Journeys.next(robot);
        Journeys.next(robot);
        robot.clickOn("#judge-automatic");

        // Until the demo's pods are ready the Service has no traffic, and the check says so.
        Eventually.assertThat(LONG, () -> {
            robot.clickOn("#test-connection");
            assertThat(awaitResult(robot)).startsWith("Connected to the demo cluster's metrics")
                    .containsPattern("shop-frontend over the last 3s: stable [0-9.]+ req/s, [0-9.]+ % success, p99 [0-9]+ ms\\.");
        });

        String target = URI.create(dev.coalmine.demo.DemoEndpoints.metricsUrl(console.client()).orElseThrow()).getAuthority();
        try (PrometheusProcess prometheus = PrometheusProcess.start(List.of(target), Duration.ofSeconds(1))) {
            prometheus.await("the first scrapes of the demo", LONG, () -> {
                String answer = prometheus.query("http_requests_total");
                return answer != null && answer.contains("shop-frontend");
            });
            ComboBox<?> source = robot.lookup("#metric-source").queryComboBox();
            robot.interact(() -> {
                robot.lookup("#metric-source").queryAs(ComboBox.class).setValue(
                        dev.coalmine.ui.wizard.JudgeStep.Source.PROMETHEUS_URL);
                robot.lookup("#prometheus-location").queryAs(TextField.class).setText(prometheus.baseUrl().toString());
            });
            assertThat(source.getValue().toString()).isEqualTo("Prometheus URL");
            assertThat(robot.lookup("#metrics-preset").queryComboBox().getValue()).isEqualTo(QueryPreset.DEMO);
            Eventually.assertThat(LONG, () -> {
                robot.clickOn("#test-connection");
                assertThat(awaitResult(robot)).startsWith("Connected to ").contains(prometheus.baseUrl().getAuthority())
                        .containsPattern("shop-frontend over the last 10s: stable [0-9.]+ req/s, [0-9.]+ % success, "
                                + "p99 [0-9]+ ms\\.");
            });
        }

        robot.interact(() -> robot.lookup("#prometheus-location").queryAs(TextField.class).setText("http://127.0.0.1:1"));
        robot.clickOn("#test-connection");
        assertThat(awaitResult(robot)).startsWith("Not reachable: Cannot connect to").contains("127.0.0.1:1")
                .contains("choose \"Prometheus via the API server's service proxy\" as the metric source")
                .doesNotContain("--prometheus");
        robot.clickOn("#wizard-cancel");
    }

    private static String awaitResult(FxRobot robot) {
        Label result = robot.lookup("#test-connection-result").queryAs(Label.class);
        Eventually.assertThat(LONG, () -> assertThat(result.getText()).isNotEqualTo("Testing\u2026").isNotEmpty());
        String text = result.getText();
        robot.interact(() -> { });
        return text;
    }
}
