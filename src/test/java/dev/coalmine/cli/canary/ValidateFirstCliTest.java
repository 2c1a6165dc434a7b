package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors found in names and images exit 2 before the CLI sends a single request: the kubeconfig points at a
 * port nobody listens on, so any request would end in exit 1 instead.
 */
class ValidateFirstCliTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(CliRunner.tokenKubeconfig(dir, "http://127.0.0.1:1"));
    }

    private void refusedBeforeAnyRequest(String expected, String... args) {
        assertThat(cli.run(args)).as(cli::err).isEqualTo(2);
        assertThat(cli.err()).contains(expected);
    }

    @Test
    void deploymentNamesThatAreNotDns1123SubdomainsAreRefused() {
        refusedBeforeAnyRequest("'app?watch=true' is not a valid Deployment name", "canary", "status", "app?watch=true");
        refusedBeforeAnyRequest("'app#x' is not a valid Deployment name", "canary", "promote", "app#x");
        refusedBeforeAnyRequest("'wëb' is not a valid Deployment name", "canary", "history", "wëb");
        refusedBeforeAnyRequest("'Web' is not a valid Deployment name", "canary", "start", "Web", "--image", "x:1",
                "--count", "1");
        refusedBeforeAnyRequest("'web/x' is not a valid Deployment name", "canary", "plan", "web/x", "--image", "x:1",
                "--count", "1");
        refusedBeforeAnyRequest("'app#x' is not a valid Deployment name", "canary", "resume", "app#x");
    }

    @Test
    void namespacesThatAreNotDns1123LabelsAreRefused() {
        refusedBeforeAnyRequest("'shop.eu' is not a valid namespace name", "canary", "status", "web", "-n", "shop.eu");
        refusedBeforeAnyRequest("'Shop' is not a valid namespace name", "-n", "Shop", "canary", "reject", "web");
    }

    @Test
    void imagesAreCheckedWithTheWizardsGrammarAndOncePerContainer() {
        refusedBeforeAnyRequest("--image web=Shop/Web:2: Repository names must be lower case", "canary", "start",
                "web", "--image", "web=Shop/Web:2", "--count", "1");
        refusedBeforeAnyRequest("--image shop/web:2 x: An image reference cannot contain spaces", "canary", "plan",
                "web", "--image", "shop/web:2 x", "--count", "1");
        refusedBeforeAnyRequest("--image web=shop/web:2 and --image web=shop/web:3 both set container web", "canary",
                "start", "web", "--image", "web=shop/web:2", "--image", "web=shop/web:3", "--count", "1");
    }
}
