package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Answers SelfSubjectReviews ({@code kubectl auth whoami}) like a real server: the demo cluster has one user, its
 * administrator, whatever the kubeconfig calls it.
 */
final class SelfSubjectReviews {
    static final String USERNAME = "demo-admin";

    MockResponse review(String body) {
        JsonNode review = Json.parse(body);
        if (!review.path("kind").asText().equals("SelfSubjectReview")) {
            return StatusResponses.failure(400, "BadRequest", "expected a SelfSubjectReview");
        }
        ObjectNode answer = review.deepCopy();
        Json.with(answer, "metadata").put("creationTimestamp", (String) null);
        ObjectNode userInfo = answer.putObject("status").putObject("userInfo");
        userInfo.put("username", USERNAME);
        userInfo.putArray("groups").add("system:masters").add("system:authenticated");
        return StatusResponses.json(201, answer);
    }
}
