package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.TrafficProvider;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One SelfSubjectRulesReview when it is complete; access reviews only for what an incomplete one leaves open. */
class RbacPreflightTest {
    private static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private final MockCluster cluster = new MockCluster();
    private final List<Permission> needed = RbacPreflight.neededFor(false);

    @AfterEach
    void close() {
        cluster.close();
    }

    private void rulesAnswer(boolean incomplete, ResourceRule... rules) {
        cluster.server.expect().post().withPath(PATH).andReturn(201, new SelfSubjectRulesReviewBuilder()
                .withNewStatus().withIncomplete(incomplete).withResourceRules(rules).endStatus().build()).always();
    }

    private static ResourceRule rule(String group, String resource, String... verbs) {
        return new ResourceRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
    }

    @Test
    void aCompleteRulesReviewAloneDecides() {
        rulesAnswer(false, rule("*", "*", "*"));
        new RbacPreflight(cluster.client).check("shop", needed);
        assertThat(cluster.accessReviews()).isZero();
    }

    @Test
    void whatACompleteRulesReviewDoesNotGrantIsMissing() {
        rulesAnswer(false, rule("apps", "deployments", "*"), rule("", "configmaps", "*"), rule("", "pods", "*"),
                rule("", "pods/log", "get"), rule("coordination.k8s.io", "leases", "*"),
                rule("", "events", "get", "list", "watch", "update"), new ResourceRuleBuilder().withApiGroups("").withResources("events").withVerbs("create")
                        .withResourceNames("only-this-one").build());
        assertThatThrownBy(() -> new RbacPreflight(cluster.client).check("shop", needed))
                .isInstanceOf(CoalmineException.class)
                .hasMessage("missing permission in namespace shop: cannot create events; ask a cluster admin for a Role "
                        + "that grants it (checked with SelfSubjectRulesReview)");
        assertThat(cluster.accessReviews()).isZero();
    }

    @Test
    void anIncompleteRulesReviewIsCompletedByAccessReviewsForWhatItLeavesOpen() {
        rulesAnswer(true, rule("apps", "deployments", "*"));
        cluster.deny("create events");
        assertThatThrownBy(() -> new RbacPreflight(cluster.client).check("shop", needed))
                .hasMessageContaining("cannot create events").hasMessageContaining("SelfSubjectAccessReview");
        assertThat(cluster.accessReviews()).isEqualTo(needed.size() - 6);
    }

    @Test
    void aServerWithoutRulesReviewsIsAskedPermissionByPermission() {
        // fabric8's CRUD mock stores the review and answers it without a status, like a server that cannot list rules
        cluster.deny("list pods");
        assertThatThrownBy(() -> new RbacPreflight(cluster.client).check("shop", needed))
                .hasMessageContaining("cannot list pods");
        assertThat(cluster.accessReviews()).isEqualTo(needed.size());
    }

    @Test
    void weightedRoutingAlsoNeedsTheTrackServicesAndTheRoutersObjects() {
        List<String> gateway = RbacPreflight.neededFor(false, TrafficProvider.GATEWAY_API)
                .stream().map(Permission::toString).toList();
        assertThat(gateway).contains("create services", "delete services", "update httproutes.gateway.networking.k8s.io",
                "create httproutes.gateway.networking.k8s.io");
        assertThat(RbacPreflight.neededFor(false, TrafficProvider.ISTIO).stream()
                .map(Permission::toString)).contains("update virtualservices.networking.istio.io",
                "update destinationrules.networking.istio.io");
        assertThat(RbacPreflight.neededFor(false).stream().map(Permission::toString)).noneMatch(p -> p.contains("services"));
    }
}
