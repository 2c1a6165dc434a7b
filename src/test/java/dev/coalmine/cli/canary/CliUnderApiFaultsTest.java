package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.server.ApiFault;
import dev.coalmine.demo.server.FaultLog;
import dev.coalmine.demo.server.FaultSettings;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a demo cluster that throttles or fails its requests. */
class CliUnderApiFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aThrottledRequestIsRetriedNoSoonerThanRetryAfterSays() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withFaults(new FaultSettings(100, 5).only(ApiFault.TOO_MANY_REQUESTS)))) {
            CliRunner cli = cli(cluster);
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                    () -> cli.run("canary", "status", "shop-frontend"));
            Thread.sleep(3_500);
            setRate(cluster, "0");
            assertThat(status.get(60, TimeUnit.SECONDS)).as(cli::err).isZero();
            List<FaultLog.Injected> throttled = cluster.faults().recent();
            assertThat(throttled).as("the command's requests were throttled").hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < throttled.size(); i++) {
                if (throttled.get(i).uri().equals(throttled.get(i - 1).uri())) {
                    assertThat(Duration.between(throttled.get(i - 1).at(), throttled.get(i).at()))
                            .as("the try after a 429 with Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                }
            }
        }
    }

    @Test
    void aCommandWhoseRequestsKeepFailingGivesUpWithOneLineNamingTheAnswer() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withFaults(new FaultSettings(100, 5).only(ApiFault.SERVER_ERROR)))) {
            CliRunner cli = cli(cluster);
            assertThat(cli.run("canary", "status", "shop-frontend")).isEqualTo(1);
            assertThat(cli.err().lines().toList()).as(cli::err).hasSize(1);
            assertThat(cli.err()).startsWith("error: the API server answered 500: ")
                    .contains("still after retries with back-off", "run the command again")
                    .doesNotContain("\tat ", "Exception");
            List<FaultLog.Injected> tries = cluster.faults().recent().stream()
                    .filter(f -> f.uri().equals(cluster.faults().recent().get(0).uri())).toList();
            assertThat(tries).as("the failing request was tried again before giving up").hasSizeGreaterThan(5);
            Duration first = Duration.between(tries.get(0).at(), tries.get(1).at());
            Duration last = Duration.between(tries.get(tries.size() - 2).at(), tries.get(tries.size() - 1).at());
            assertThat(last).as("the pauses between tries grow").isGreaterThan(first.multipliedBy(4));
        }
    }

    @Test
    void theStepLogTellsEachRequestOfTheReleaseThatWasTriedAgain() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
                .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast()))
                .withFaults(new FaultSettings(10, 7).only(ApiFault.SERVER_ERROR, ApiFault.TOO_MANY_REQUESTS)))) {
            CliRunner cli = cli(cluster);
            assertThat(cli.run("canary", "start", "shop-frontend", "--count", "1", "--image",
                    "frontend=registry.example.com/shop/frontend:3.1")).as(cli::err).isZero();
            assertThat(cli.run("canary", "reject", "shop-frontend")).as(cli::err).isZero();

            Set<String> objects = Set.of("shop-frontend", "shop-frontend-canary", "shop-frontend-baseline",
                    "coalmine-release-shop-frontend");
            List<String> faulted = cluster.faults().recent().stream()
                    .map(f -> f.method() + " " + resourceAndName(f.uri()))
                    .filter(target -> objects.stream().anyMatch(o -> target.endsWith("/" + o))).distinct().toList();
            String told = cluster.client().v1().events().inNamespace("default").list().getItems().stream()
                    .filter(e -> "coalmine".equals(e.getReportingComponent())).map(Event::getMessage)
                    .collect(Collectors.joining("\n"));
            assertThat(faulted).as("faults hit the release's own objects").isNotEmpty();
            for (String target : faulted) {
                assertThat(told).as("the step log tells the retry of %s", target).contains("retried " + target + " after ");
            }
        }
    }

    /** {@code deployments/web} of {@code /apis/apps/v1/namespaces/default/deployments/web?x=y}, or the path. */
    private static String resourceAndName(String uri) {
        String[] parts = uri.split("\\?")[0].split("/");
        return parts.length >= 2 && parts.length > 5 && parts[parts.length - 3].equals("default")
                ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : uri;
    }

    private CliRunner cli(DemoCluster cluster) {
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        return new CliRunner(kubeconfig);
    }

    private static void setRate(DemoCluster cluster, String percent) {
        cluster.client().configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("coalmine-demo").withNamespace("coalmine-demo").endMetadata()
                .withData(Map.of(FaultSettings.KNOB, percent)).build()).createOr(existing -> existing.update());
    }
}
