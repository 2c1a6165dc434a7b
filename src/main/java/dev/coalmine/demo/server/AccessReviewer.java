package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers SelfSubjectAccessReviews like a real server: allowed, unless a rule in ConfigMap
 * {@code coalmine-demo/demo-rbac} (key {@code deny}) denies the request. SelfSubjectRulesReviews list the same
 * decisions as rules: everything while no deny rule reaches the namespace, else each served resource with the verbs
 * no rule denies (what {@code kubectl auth can-i --list} prints). The same rules refuse the requests themselves
 * ({@link #refusal}), as RBAC would.
 */
final class AccessReviewer {
    static final String RULES_PATH = "/api/v1/namespaces/coalmine-demo/configmaps/demo-rbac";

    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private final ClusterStore store;
    private final ResourceCatalog catalog;

    AccessReviewer(ClusterStore store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
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

    MockResponse rules(String body) {
        JsonNode review = Json.parse(body);
        if (!review.path("kind").asText().equals("SelfSubjectRulesReview")) {
            return StatusResponses.failure(400, "BadRequest", "expected a SelfSubjectRulesReview");
        }
        String namespace = review.path("spec").path("namespace").asText("");
        List<AccessRule> deny = denyRules();
        ObjectNode answer = review.deepCopy();
        Json.with(answer, "metadata").put("creationTimestamp", (String) null);
        ObjectNode status = answer.putObject("status");
        ArrayNode resourceRules = status.putArray("resourceRules");
        if (deny.stream().noneMatch(r -> r.namespace().equals("*") || r.namespace().equals(namespace))) {
            rule(resourceRules, "*", "*", List.of("*"));
        } else {
            for (ResourceType type : catalog.all()) {
                rule(resourceRules, type.group(), type.plural(), allowed(deny, type.verbs(), type.plural(), type.group(),
                        namespace));
                for (String sub : new TreeSet<>(type.subresources())) {
                    String resource = type.plural() + "/" + sub;
                    rule(resourceRules, type.group(), resource, allowed(deny, SUBRESOURCE_VERBS, resource, type.group(),
                            namespace));
                }
            }
        }
        ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
        nonResource.putArray("verbs").add("*");
        nonResource.putArray("nonResourceURLs").add("*");
        status.put("incomplete", false);
        return StatusResponses.json(201, answer);
    }

    private static List<String> allowed(List<AccessRule> deny, List<String> verbs, String resource, String group,
                                        String namespace) {
        return verbs.stream().filter(v -> deny.stream().noneMatch(r -> r.matches(v, resource, group, namespace)))
                .toList();
    }

    private static void rule(ArrayNode rules, String group, String resource, List<String> verbs) {
        if (verbs.isEmpty()) {
            return;
        }
        ObjectNode rule = rules.addObject();
        verbs.forEach(rule.putArray("verbs")::add);
        rule.putArray("apiGroups").add(group);
        rule.putArray("resources").add(resource);
    }

    /**
     * Why the rules refuse a request, in a real API server's words (answered with 403 Forbidden), or empty. The
     * rules' own ConfigMap and the reviews that ask about access are never refused, so a trainer cannot lock the
     * rules in, and a client can always ask what it may do.
     */
    Optional<String> refusal(String method, ApiPath path) {
        boolean rulesThemselves = "coalmine-demo".equals(path.namespace()) && "configmaps".equals(path.resource())
                && "demo-rbac".equals(path.name());
        if (rulesThemselves || path.group().equals("authorization.k8s.io") || path.group().equals("authentication.k8s.io")) {
            return Optional.empty();
        }
        String verb = verb(method, path);
        String resource = path.subresource() == null ? path.resource() : path.resource() + "/" + path.subresource();
        String namespace = path.namespace() == null ? "" : path.namespace();
        return denyingRule(verb, resource, path.group(), namespace).map(rule ->
                (path.group().isEmpty() ? path.resource() : path.resource() + "." + path.group())
                        + (path.name() == null ? "" : " \"" + path.name() + "\"")
                        + " is forbidden: User \"" + SelfSubjectReviews.USERNAME + "\" cannot " + verb + " resource \""
                        + resource + "\" in API group \"" + path.group() + "\" "
                        + (namespace.isEmpty() ? "at the cluster scope" : "in the namespace \"" + namespace + "\"")
                        + ": denied by the demo cluster's RBAC rule \"" + rule.line()
                        + "\" (ConfigMap coalmine-demo/demo-rbac, key deny)");
    }

    private static String verb(String method, ApiPath path) {
        return switch (method) {
            case "GET", "HEAD" -> path.name() != null ? "get" : path.isWatch() ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> path.name() != null ? "delete" : "deletecollection";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private Optional<AccessRule> denyingRule(String verb, String resource, String group, String namespace) {
        return denyRules().stream().filter(r -> r.matches(verb, resource, group, namespace)).findFirst();
    }

    private List<AccessRule> denyRules() {
        String rules = store.read(RULES_PATH).map(cm -> cm.path("data").path("deny").asText("")).orElse("");
        return rules.lines().map(AccessRule::parse).flatMap(Optional::stream).toList();
    }
}
