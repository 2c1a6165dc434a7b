package dev.coalmine.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import org.junit.jupiter.api.Test;

class ObjectNameTest {
    @Test
    void deploymentNamesAreDns1123Subdomains() {
        assertThat(ObjectName.deploymentProblem("web")).isEmpty();
        assertThat(ObjectName.deploymentProblem("shop-api.v2")).isEmpty();
        assertThat(ObjectName.deploymentProblem("a".repeat(253))).isEmpty();
        assertThat(ObjectName.deploymentProblem("a".repeat(254))).hasValueSatisfying(p -> assertThat(p).contains("253"));
        for (String bad : new String[] {"app?watch=true", "app#x", "wëb", "Web", "-web", "web-", "a/b", "web.", "", "a..b",
            "web\n"}) {
            assertThat(ObjectName.deploymentProblem(bad)).as(bad).isPresent();
        }
        assertThat(ObjectName.deploymentProblem("app?watch=true")).hasValue("'app?watch=true' is not a valid "
                + "Deployment name: use lower case letters, digits, '-' or '.', starting and ending with a letter or "
                + "digit (as the API server requires)");
    }

    @Test
    void namespacesAreDns1123Labels() {
        assertThat(ObjectName.namespaceProblem("shop-1")).isEmpty();
        assertThat(ObjectName.namespaceProblem("shop.eu")).isPresent();
        assertThat(ObjectName.namespaceProblem("a".repeat(64))).isPresent();
        assertThatThrownBy(() -> ObjectName.requireNamespace("Shop")).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("'Shop' is not a valid namespace name");
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertThat(ObjectName.deploymentProblem("web\u0007")).hasValueSatisfying(p -> assertThat(p).startsWith("'web\\u0007'"));
    }
}
