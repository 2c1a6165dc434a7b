package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every verb a release uses, denied in turn through the demo cluster's access rules, is named by the preflight
 * before the release changes anything (a release that passed with watch denied failed later).
 */
class RbacPreflightDemoRulesTest {
    private static final String NS = "default";
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void allowEverything() {
        client.configMaps().inNamespace("coalmine-demo").withName("demo-rbac").delete();
    }

    /** One line of the demo's deny list: {@code VERB RESOURCE[.GROUP] [NAMESPACE]}. */
    private static void deny(String rule) {
        client.configMaps().inNamespace("coalmine-demo").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("demo-rbac").withNamespace("coalmine-demo").endMetadata()
                .addToData("deny", rule + "\n").build()).create();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "get deployments.apps", "list deployments.apps", "watch deployments.apps", "create deployments.apps",
            "update deployments.apps", "delete deployments.apps",
            "get configmaps", "list configmaps", "watch configmaps", "create configmaps", "update configmaps",
            "delete configmaps",
            "get secrets", "list secrets", "create secrets", "update secrets", "delete secrets",
            "get pods", "list pods", "watch pods", "get pods/log",
            "get leases.coordination.k8s.io", "list leases.coordination.k8s.io", "watch leases.coordination.k8s.io",
            "create leases.coordination.k8s.io", "update leases.coordination.k8s.io",
            "get events", "list events", "watch events", "create events", "update events"})
    void eachDeniedVerbIsNamed(String permission) {
        deny(permission + " " + NS);
        assertThatThrownBy(() -> new RbacPreflight(client).check(NS, RbacPreflight.neededFor(true)))
                .isInstanceOf(CoalmineException.class)
                .hasMessage("missing permission in namespace " + NS + ": cannot " + permission + "; ask a cluster admin "
                        + "for a Role that grants it (checked with SelfSubjectRulesReview)");
    }

    @Test
    void aDenialElsewhereLeavesTheNamespaceAllowed() {
        deny("watch deployments.apps shop");
        assertThatCode(() -> new RbacPreflight(client).check(NS, RbacPreflight.neededFor(true)))
                .doesNotThrowAnyException();
    }
}
