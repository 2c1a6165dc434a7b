package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o yaml} prints what {@code -o json} prints, for {@code status}, {@code history} and {@code plan}. */
class YamlOutputCliTest {
    @TempDir
    Path dir;

    private final MockCluster cluster = new MockCluster();
    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(CliRunner.tokenKubeconfig(dir, cluster.server.url("/")));
        cluster.createStable("shop", "web", 10, "shop/web:1");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void statusAndHistoryInYamlHoldWhatTheirJsonHolds() throws IOException {
        assertThat(cli.run("canary", "start", "web", "--image", "shop/web:2", "--count", "1", "--skip-dry-run"))
                .as(cli::err).isZero();

        JsonNode status = sameInBoth("canary", "status", "web");
        assertThat(status.get("release").asInt()).isEqualTo(1);
        assertThat(status.get("canary").get("images").get(0).asText()).isEqualTo("shop/web:2");

        JsonNode history = sameInBoth("canary", "history", "web");
        assertThat(history.get(0).get("change").asText()).isEqualTo("shop/web:2");
    }

    @Test
    void planInYamlHoldsWhatItsJsonHoldsWithTheObjectsItWouldCreate() throws IOException {
        JsonNode plan = sameInBoth("canary", "plan", "web", "--image", "shop/web:2", "--count", "1");

        assertThat(plan.get("canaryReplicas").asInt()).isEqualTo(1);
        assertThat(plan.get("objects").findValuesAsText("name")).contains("web-canary", "web-baseline");
        assertThat(cli.out()).doesNotStartWith("#").contains("kind: Deployment");
    }

    /** Runs {@code args} with {@code -o json} then {@code -o yaml}; the yaml run's output stays in {@code cli}. */
    private JsonNode sameInBoth(String... args) throws IOException {
        assertThat(cli.run(with(args, "json"))).as(cli::err).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(cli.run(with(args, "yaml"))).as(cli::err).isZero();
        JsonNode yaml = new YAMLMapper().readTree(cli.out());
        assertThat(cli.out()).doesNotContain("{\n");
        assertThat(yaml).isEqualTo(json);
        return yaml;
    }

    private static String[] with(String[] args, String format) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-o";
        all[args.length + 1] = format;
        return all;
    }
}
