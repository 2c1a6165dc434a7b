package dev.coalmine.core.flagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@FastTest
class CanaryPodLabelTest {

    @Test
    void takesTheFirstOfFlaggersSelectorLabelsAndAppendsPrimaryForThePrimarysPods() {
        CanaryPodLabel label = CanaryPodLabel.of(Map.of("app.kubernetes.io/name", "search-ui", "name", "search",
                "tier", "web")).orElseThrow();

        assertThat(label.key()).isEqualTo("name");
        assertThat(label.values()).containsExactly("search", "search-primary");
    }

    @Test
    void aTargetWithoutOneOfThemHasNoCanaryPodLabel() {
        assertThat(CanaryPodLabel.of(Map.of("tier", "web"))).isEmpty();
    }
}
