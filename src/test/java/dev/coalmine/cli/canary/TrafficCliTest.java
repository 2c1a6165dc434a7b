package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.SimulatedComponents;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficKnobs;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.testing.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --traffic} and the step options of {@code plan}, {@code start} and {@code status} on the demo cluster. */
class TrafficCliTest {
    @TempDir
    Path dir;

    private final DemoCluster cluster = DemoCluster.start(DemoOptions.defaults()
            .withComponents(SimulatedComponents.of(SimulationSettings.fast(), TrafficSettings.fast())));
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        Path kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        cli = new CliRunner(kubeconfig);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void badTrafficOptionsAreUsageErrorsOfOneLineAndNothingIsWritten() {
        assertUsageError("--steps/--step-weight needs a weighted --traffic provider", "--steps", "5,10");
        assertUsageError("needs a ladder: give --steps 5,10,25,50", "--traffic", "gateway-api");
        assertUsageError("add --no-baseline", "--traffic", "nginx", "--steps", "10");
        assertUsageError("unknown traffic provider 'linkerd'", "--traffic", "linkerd", "--steps", "10");
        assertUsageError("no step may be above 50 %", "--traffic", "istio", "--step-weight", "30", "--max-weight", "60");
        assertUsageError("--pause-at 15 is not one of the steps", "--traffic", "smi", "--steps", "10,20", "--pause-at", "15");
        assertUsageError("smi splits by weight only", "--traffic", "smi", "--steps", "10", "--header", "x-canary=1");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("coalmine-release-shop-frontend").get())
                .isNull();
    }

    @Test
    void aRouterTheClusterDoesNotServeIsRefusedWithTheReasonAndTheOnesItDoes() {
        cluster.client().network().v1().ingressClasses().withName("nginx").delete();
        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--no-baseline", "--traffic", "nginx", "--steps", "10");

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("--traffic nginx is not available on this cluster: no IngressClass with "
                + "controller k8s.io/ingress-nginx").contains("(available: replicas, gateway-api, istio, smi)");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("coalmine-release-shop-frontend").get())
                .isNull();
    }

    @Test
    void planPrintsTheLadderItsMinimumTimeToPromoteAndTheRoutingObjects() {
        int code = cli.run("canary", "plan", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--traffic", "gateway-api", "--steps", "5,10,25,50");

        assertThat(code).as(cli::err).isZero();
        assertThat(cli.out()).contains("# traffic: gateway-api weights: 5 % → 10 % → 25 % → 50 % → promote")
                .contains("# minimum time to promote 2m (4 step(s) × 30s)")
                .contains("name: \"shop-frontend-stable\"").contains("name: \"shop-frontend-canary\"")
                .contains("kind: \"HTTPRoute\"").contains("name: \"shop-frontend-coalmine\"");
    }

    @Test
    void aHeaderMatchSendsItsRequestsToTheCanaryWhereTheRouterCanMatchHeaders() {
        assertPlanRoutesHeader("storefront-web", "gateway-api", """
                      headers:
                      - type: "Exact"
                        name: "x-canary"
                        value: "always"
                    backendRefs:
                    - name: "storefront-web-canary"
                """);
        assertPlanRoutesHeader("storefront-api", "istio", """
                  - name: "coalmine-canary-by-header"
                    match:
                    - headers:
                        x-canary:
                          exact: "always"
                    route:
                    - destination:
                        host: "storefront-api"
                        subset: "coalmine-canary"
                """);
        assertPlanRoutesHeader("storefront-search", "nginx", """
                    nginx.ingress.kubernetes.io/canary-by-header: "x-canary"
                    nginx.ingress.kubernetes.io/canary-by-header-value: "always"
                """);
    }

    /** The plan's routing objects send requests carrying the header to the canary, in the router's own terms. */
    private void assertPlanRoutesHeader(String deployment, String provider, String routing) {
        // The stable track is pinned to the serving ReplicaSet's pods: the seeded Deployment must be running first.
        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(cluster.client().apps().deployments()
                .inNamespace("storefront").withName(deployment).get().getStatus().getReadyReplicas()).isPositive());
        int code = cli.run("canary", "plan", deployment, "-n", "storefront", "--image", "shop/storefront:2", "--count",
                "1", "--no-baseline", "--traffic", provider, "--steps", "10", "--header", "x-canary=always");

        assertThat(code).as(cli::err).isZero();
        assertThat(cli.out()).as(provider).contains(routing);
    }

    @Test
    void startStepsThroughTheLadderAndStatusShowsTheTraffic() throws IOException {
        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--traffic", "smi", "--steps", "10,20", "--step-interval", "1s", "--timeout", "60s");
        assertThat(code).as(cli::err).isZero();
        assertThat(cli.out()).contains("AwaitingJudgment");

        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode traffic = new ObjectMapper().readTree(cli.out()).get("traffic");
        assertThat(traffic.get("provider").asText()).isEqualTo("smi");
        assertThat(traffic.get("weight").asInt()).isEqualTo(20);
        assertThat(traffic.get("step").asInt()).isEqualTo(2);
        assertThat(traffic.get("steps").toString()).isEqualTo("[10,20]");
        assertThat(cli.run("canary", "status", "shop-frontend")).isZero();
        assertThat(cli.out()).contains("traffic:  smi (Service shop-frontend), step 2 of 2: canary 20 %, waiting for "
                + "promote");
    }

    @Test
    void aPauseWaitsForResumeAndAForeignServiceHoldingATrackNameStopsTheStart() throws IOException {
        cluster.client().services().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName("shop-api-canary").endMetadata().withNewSpec().addToSelector("app", "x")
                .addNewPort().withPort(80).endPort().endSpec().build()).create();
        assertThat(cli.run("canary", "start", "shop-api", "--image", "api=shop/api:3", "--count", "1",
                "--traffic", "smi", "--steps", "10")).isEqualTo(1);
        assertThat(cli.err()).contains("Service shop-api-canary in namespace default is not Coalmine's routing of "
                + "shop-api").contains("rename or remove it");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("coalmine-release-shop-api").get())
                .isNull();

        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--traffic", "istio", "--steps", "10,20", "--step-interval", "1s", "--pause-at", "10", "--timeout", "60s");
        assertThat(code).as(cli::err).isZero();
        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode paused = new ObjectMapper().readTree(cli.out()).get("traffic");
        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("weight").asInt()).isEqualTo(10);

        assertThat(cli.run("canary", "resume", "shop-frontend")).as(cli::err).isZero();
        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode last = new ObjectMapper().readTree(cli.out()).get("traffic");
        assertThat(last.get("weight").asInt()).isEqualTo(20);
        assertThat(last.get("paused").asBoolean()).isFalse();
    }

    @Test
    void routeNamesTheServiceToSplitWhenMoreThanOneSelectsTheDeployment() {
        Eventually.assertThat(Duration.ofSeconds(90), () -> assertThat(cluster.client().apps().deployments()
                .inNamespace("default").withName("shop-frontend").get().getStatus().getReadyReplicas()).isPositive());
        cluster.client().services().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName("frontend-internal").endMetadata().withNewSpec()
                .addToSelector("app", "shop-frontend").addNewPort().withPort(8080).endPort().endSpec().build()).create();
        String[] plan = {"canary", "plan", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--traffic", "gateway-api", "--steps", "10"};

        assertThat(cli.run(plan)).isEqualTo(1);
        assertThat(cli.err()).contains("shop-frontend", "frontend-internal", "choose the one whose requests to split "
                + "with --route NAME").doesNotContain("\tat ");

        assertThat(cli.run(withArgs(plan, "--route", "shop-api"))).isEqualTo(1);
        assertThat(cli.err()).contains("--route shop-api: Service shop-api does not select the pods of");

        assertThat(cli.run(withArgs(plan, "--route", "frontend-internal"))).as(cli::err).isZero();
        assertThat(cli.out()).contains("name: \"frontend-internal-stable\"", "name: \"frontend-internal-canary\"",
                "name: \"frontend-internal-coalmine\"", "port: 8080").doesNotContain("shop-frontend-stable");
        assertThat(cluster.client().services().inNamespace("default").withName("frontend-internal-stable").get())
                .as("plan writes nothing").isNull();
    }

    private static String[] withArgs(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void withAManualGateTheJudgeClimbsTheLadderAndAPersonPromotesAtTheEnd() throws IOException {
        new TrafficKnobs(cluster.client()).setRequestsPerSecond(600);
        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=registry.example.com/shop/frontend:2.0",
                "--count", "1", "--traffic", "gateway-api", "--steps", "10,20", "--manual-gate", "--judge", "auto",
                "--analysis-interval", "2s", "--metrics-preset", "demo");

        assertThat(code).as(cli::err).isEqualTo(AutomaticOutcome.NEEDS_A_PERSON);
        assertThat(cli.err()).as("each step passed its analysis").containsPattern("analysis check \\d+ passed")
                .contains("step 2 of 2: canary 20 %");
        assertThat(cli.out()).contains("waiting for a person at the manual gate").contains("canary promote shop-frontend");
        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.get("phase").asText()).isEqualTo("AwaitingJudgment");
        assertThat(status.at("/traffic/step").asInt()).isEqualTo(2);
        assertThat(status.at("/traffic/weight").asInt()).isEqualTo(20);
        assertThat(status.has("decision") && !status.get("decision").isNull()).as("nobody decided yet").isFalse();
        assertThat(cli.run("canary", "status", "shop-frontend")).isZero();
        assertThat(cli.out()).contains("step 2 of 2: canary 20 %, waiting for promote");

        assertThat(cli.run("canary", "promote", "shop-frontend")).as(cli::err).isZero();
        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode done = new ObjectMapper().readTree(cli.out());
        assertThat(done.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(done.at("/decision/verdict").asText()).isEqualToIgnoringCase("promote");
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("shop-frontend").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/shop/frontend:2.0");
    }

    @Test
    void aPauseWithADurationEndsByItselfAndTheLadderGoesOn() throws IOException {
        int code = cli.run("canary", "start", "shop-frontend", "--image", "frontend=shop/frontend:2", "--count", "1",
                "--traffic", "smi", "--steps", "10,20", "--step-interval", "1s", "--pause-at", "10:3s", "--timeout", "90s");

        assertThat(code).as(cli::err).isZero();
        assertThat(cli.out()).contains("AwaitingJudgment");
        assertThat(cli.err()).as("nobody resumed it").doesNotContain("resumed at");
        assertThat(cli.err().lines().map(l -> l.replaceFirst("^.*] ", ""))).containsSubsequence(
                "step 1 of 2: canary 10 %, baseline 10 %, stable 80 % (smi)", "step 1 passed at 10 %; paused for 3s",
                "step 2 of 2: canary 20 %, baseline 20 %, stable 60 % (smi)");
        assertThat(Duration.between(loggedAt("paused for 3s"), loggedAt("step 2 of 2"))).as("the pause lasted its 3s")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(cli.run("canary", "status", "shop-frontend", "-o", "json")).isZero();
        JsonNode traffic = new ObjectMapper().readTree(cli.out()).get("traffic");
        assertThat(traffic.get("weight").asInt()).isEqualTo(20);
        assertThat(traffic.get("paused").asBoolean()).isFalse();
    }

    /** When the stored release's log first says {@code words}. */
    private java.time.Instant loggedAt(String words) throws IOException {
        JsonNode stored = new ObjectMapper().readTree(cluster.client().configMaps().inNamespace("default")
                .withName("coalmine-release-shop-frontend").get().getData().get("releases.json"));
        for (JsonNode log : stored.findValues("log")) {
            for (JsonNode line : log) {
                if (line.path("message").asText().contains(words)) {
                    return java.time.Instant.parse(line.get("at").asText());
                }
            }
        }
        throw new AssertionError("no log line says " + words);
    }

    private void assertUsageError(String message, String... trafficArgs) {
        String[] args = new String[6 + trafficArgs.length];
        System.arraycopy(new String[] {"canary", "start", "shop-frontend", "--image", "frontend=shop/frontend:2",
                "--count=1"}, 0, args, 0, 6);
        System.arraycopy(trafficArgs, 0, args, 6, trafficArgs.length);
        assertThat(cli.run(args)).as(cli::err).isEqualTo(2);
        assertThat(cli.err().lines().findFirst().orElse("")).contains(message);
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
