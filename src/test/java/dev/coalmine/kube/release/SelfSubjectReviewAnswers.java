package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewBuilder;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;

/**
 * The mock API server's SelfSubjectReviews: not served (404, as before Kubernetes 1.28) until a test names the
 * authenticated user.
 */
final class SelfSubjectReviewAnswers implements ResponseProvider<Object> {
    static final String PATH = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

    private volatile String username;
    private Headers headers = Headers.builder().build();

    void authenticateAs(String name) {
        username = name;
    }

    @Override
    public int getStatusCode(RecordedRequest request) {
        return username == null ? 404 : 201;
    }

    @Override
    public Object getBody(RecordedRequest request) {
        if (username == null) {
            return new StatusBuilder().withStatus("Failure").withReason("NotFound").withCode(404)
                    .withMessage("the server could not find the requested resource").build();
        }
        return new SelfSubjectReviewBuilder().withNewStatus().withNewUserInfo().withUsername(username).endUserInfo()
                .endStatus().build();
    }

    @Override
    public Headers getHeaders() {
        return headers;
    }

    @Override
    public void setHeaders(Headers headers) {
        this.headers = headers;
    }
}
