package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRuleTest {
    @Test
    void parsesVerbResourceGroupAndNamespaceWithWildcards() {
        AccessRule rule = AccessRule.parse("  create deployments.apps shop ").orElseThrow();
        assertThat(rule.matches("create", "deployments", "apps", "shop")).isTrue();
        assertThat(rule.matches("create", "deployments", "apps", "default")).isFalse();
        assertThat(rule.matches("update", "deployments", "apps", "shop")).isFalse();
        assertThat(rule.matches("create", "deployments", "extensions", "shop")).isFalse();

        AccessRule anyGroupAnywhere = AccessRule.parse("* leases").orElseThrow();
        assertThat(anyGroupAnywhere.matches("get", "leases", "coordination.k8s.io", "kube-system")).isTrue();
        assertThat(anyGroupAnywhere.matches("get", "pods", "", "kube-system")).isFalse();

        assertThat(AccessRule.parse("patch * *").orElseThrow().matches("patch", "configmaps", "", "x")).isTrue();
        assertThat(AccessRule.parse("patch deployments/scale").orElseThrow()
                .matches("patch", "deployments/scale", "apps", "x")).isTrue();
    }

    @Test
    void ignoresCommentsBlankAndMalformedLines() {
        assertThat(AccessRule.parse("# a comment")).isEmpty();
        assertThat(AccessRule.parse("   ")).isEmpty();
        assertThat(AccessRule.parse("create")).isEmpty();
        assertThat(AccessRule.parse("create pods ns extra")).isEmpty();
    }
}
