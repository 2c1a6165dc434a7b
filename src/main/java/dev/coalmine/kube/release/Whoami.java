package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Optional;

/**
 * Who the API server says we are ({@code kubectl auth whoami}: a SelfSubjectReview, authentication.k8s.io/v1), for
 * recording who decided: a kubeconfig's user entry is only a local nickname for credentials, anyone can name it
 * anything.
 */
public final class Whoami {
    private Whoami() {
    }

    /** As {@link #of(KubernetesClient, String)}, with the user of the client's kubeconfig context to fall back on. */
    public static String of(KubernetesClient client) {
        NamedContext context = client.getConfiguration().getCurrentContext();
        return of(client, context == null || context.getContext() == null || context.getContext().getUser() == null
                ? "" : context.getContext().getUser());
    }

    /**
     * The authenticated user name, or {@code kubeconfigUser} where the server does not serve SelfSubjectReviews
     * (404, before Kubernetes 1.28) or answers one without a name.
     */
    public static String of(KubernetesClient client, String kubeconfigUser) {
        try {
            SelfSubjectReview review = client.authentication().v1().selfSubjectReviews()
                    .create(new SelfSubjectReviewBuilder().withNewMetadata().endMetadata().build());
            return Optional.ofNullable(review).map(SelfSubjectReview::getStatus).map(SelfSubjectReviewStatus::getUserInfo)
                    .map(UserInfo::getUsername).filter(name -> !name.isBlank()).orElse(kubeconfigUser);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return kubeconfigUser;
            }
            throw e;
        }
    }
}
