package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.coalmine.kube.release.MockCluster;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code -o yaml} prints what {@code -o json} prints, for {@code status}, {@code history} and {@code plan}. */
class YamlOutputCliTest {
    @RegisterExtension
    final CliOnMockCluster fixture = new CliOnMockCluster(10);
    private final MockCluster cluster = fixture.cluster();
    private final CliRunner cli = fixture.cli();

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
