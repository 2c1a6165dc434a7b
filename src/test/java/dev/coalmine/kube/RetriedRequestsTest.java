package dev.coalmine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetriedRequestsTest {
    @Test
    void aReleaseTakesOnlyTheRetriesOfItsOwnObjectsInItsNamespace() {
        RetriedRequests retries = new RetriedRequests();
        retries.record("PUT", "/apis/apps/v1/namespaces/shop/deployments/web-canary", "the API server answered 500 Internal Server Error");
        retries.record("GET", "/apis/apps/v1/namespaces/other/deployments/web-canary", "the API server answered 500 Internal Server Error");
        retries.record("PATCH", "/apis/apps/v1/namespaces/shop/deployments/web/scale", "the API server answered 429 Too Many Requests");
        retries.record("POST", "/api/v1/namespaces/shop/events", "the API server answered 500 Internal Server Error");
        retries.record("GET", "/apis/apps/v1/namespaces/shop/deployments/api", "the API server answered 500 Internal Server Error");

        List<RetriedRequests.Retry> taken = retries.takeFor("shop", Set.of("web", "web-canary"));

        assertThat(taken).extracting(RetriedRequests.Retry::target)
                .containsExactly("PUT deployments/web-canary", "PATCH deployments/web/scale");
        assertThat(retries.takeFor("shop", Set.of("web", "web-canary"))).as("taken once").isEmpty();
        assertThat(retries.takeFor("shop", Set.of("api"))).extracting(RetriedRequests.Retry::target)
                .containsExactly("GET deployments/api");
    }

    @Test
    void retriesPutBackComeFirstAgainAndTheOldestAreDroppedBeyondTheBound() {
        RetriedRequests retries = new RetriedRequests();
        for (int i = 0; i < RetriedRequests.KEPT + 5; i++) {
            retries.record("GET", "/api/v1/namespaces/shop/configmaps/c" + i, "the API server answered 503 Service Unavailable");
        }
        assertThat(retries.takeFor("shop", Set.of("c0", "c4"))).as("dropped").isEmpty();
        List<RetriedRequests.Retry> taken = retries.takeFor("shop", Set.of("c5", "c6"));
        retries.putBack(taken);
        assertThat(retries.takeFor("shop", Set.of("c5", "c6"))).isEqualTo(taken);
    }
}
