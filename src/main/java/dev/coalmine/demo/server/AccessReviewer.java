package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/**
 * Answers SelfSubjectAccessReviews like a real server: allowed, unless a rule in ConfigMap
 * {@code coalmine-demo/demo-rbac} (key {@code deny}) denies the request.
 */
final class AccessReviewer {
    static final String RULES_PATH = "/api/v1/namespaces/coalmine-demo/configmaps/demo-rbac";

    private final ClusterStore store;

    AccessReviewer(ClusterStore store) {
        this.store = store;
    }

    MockResponse review(String body) {
        JsonNode review = Json.parse(body);
        if (!review.path("kind").asText().equals("SelfSubjectAccessReview")) {
            return StatusResponses.failure(400, "BadRequest", "expected a SelfSubjectAccessReview");
        }
        JsonNode attrs = review.path("spec").path("resourceAttributes");
        ObjectNode answer = review.deepCopy();
        Json.with(answer, "metadata").put("creationTimestamp", (String) null);
        ObjectNode status = answer.putObject("status");
        if (attrs.isMissingNode()) {
            status.put("allowed", true).put("reason", "non-resource requests are allowed in the demo cluster");
            return StatusResponses.json(201, answer);
        }
        String resource = attrs.path("resource").asText();
        if (!attrs.path("subresource").asText().isEmpty()) {
            resource = resource + "/" + attrs.path("subresource").asText();
        }
        Optional<AccessRule> denying = denyingRule(attrs.path("verb").asText(), resource,
                attrs.path("group").asText(), attrs.path("namespace").asText());
        if (denying.isPresent()) {
            status.put("allowed", false).put("denied", true).put("reason", "denied by the demo cluster's RBAC rule \""
                    + denying.get().line() + "\" (ConfigMap coalmine-demo/demo-rbac, key deny)");
        } else {
            status.put("allowed", true).put("reason", "allowed by the demo cluster (no rule in "
                    + "ConfigMap coalmine-demo/demo-rbac denies it)");
        }
        return StatusResponses.json(201, answer);
    }

    private Optional<AccessRule> denyingRule(String verb, String resource, String group, String namespace) {
        String rules = store.read(RULES_PATH).map(cm -> cm.path("data").path("deny").asText("")).orElse("");
        return rules.lines().map(AccessRule::parse).flatMap(Optional::stream)
                .filter(r -> r.matches(verb, resource, group, namespace)).findFirst();
    }
}
